import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/server/guards";
import { isStaff } from "@/lib/server/authz";
import { unreadCount } from "@/lib/messages/queries";

export default async function OwnerLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale);
  const [t, ti, unread] = await Promise.all([getTranslations("nav"), getTranslations("inbox"), unreadCount(actor)]);
  const nav = [
    { href: "/garage", label: t("garage") },
    { href: "/messages", label: ti("nav"), badge: { count: unread, label: ti("unreadBadge", { count: unread }) } },
    { href: "/account", label: t("account") },
    ...(isStaff(actor) ? [{ href: "/console", label: t("console") }] : []),
  ];
  return (
    <AppShell nav={nav} user={actor} home="/garage">
      {children}
    </AppShell>
  );
}
