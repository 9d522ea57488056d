import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/i18n/routing";
import { AppFrame, type FrameLabels } from "./app-frame.client";

export interface NavItem {
  href: string;
  label: string;
  /** A count next to the label (the unread messages), with its spoken form. */
  badge?: { count: number; label: string };
}


/**
 * The frame of every page: brand, section navigation, language switch, the user and sign-out.
 * Its texts are translated here; the frame itself is components/shell/app-frame.client.tsx. Of
 * the user only the address reaches the browser.
 */
export async function AppShell({
  children,
  nav = [],
  user,
  home = "/",
  locale,
}: {
  children: ReactNode;
  nav?: NavItem[];
  user?: { name: string; email: string } | null;
  home?: string;
  /** Said where the request's language is not the page's (the 404 outside every language). */
  locale?: AppLocale;
}) {
  const lang = locale ?? (await getLocale());
  const [t, tp] = await Promise.all([getTranslations({ locale: lang, namespace: "common" }), getTranslations({ locale: lang, namespace: "privacy" })]);
  const labels: FrameLabels = {
    appName: t("appName"),
    mainNav: t("mainNav"),
    signOut: t("signOut"),
    menu: t("menu"),
    closeMenu: t("closeMenu"),
    footer: t("footer"),
    privacy: tp("footerLink"),
  };
  return (
    <AppFrame labels={labels} nav={nav} user={user ? { email: user.email } : null} home={home}>
      {children}
    </AppFrame>
  );
}
