import { AppShell } from "@/components/shell/app-shell";
import { getActor } from "@/lib/server/session";
import { homePathFor } from "@/lib/server/authz";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  return (
    <AppShell user={actor} home={actor ? homePathFor(actor) : "/"}>
      {children}
    </AppShell>
  );
}
