import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/server/guards";
import { isStaff } from "@/lib/server/authz";

export default async function OwnerLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale);
  const t = await getTranslations("nav");
  const nav = [
    { href: "/garage", label: t("garage") },
    { href: "/account", label: t("account") },
    ...(isStaff(actor) ? [{ href: "/console", label: t("console") }] : []),
  ];
  return (
    <AppShell nav={nav} user={actor} home="/garage">
      {children}
    </AppShell>
  );
}
