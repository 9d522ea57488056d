import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/server/guards";
import { consoleNav } from "@/lib/console/nav";

export default async function ConsoleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "console:use");
  const t = await getTranslations("nav");
  return (
    <AppShell nav={consoleNav(actor).map((n) => ({ href: n.href, label: t(n.key) }))} user={actor} home="/console">
      {children}
    </AppShell>
  );
}
