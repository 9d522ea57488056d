import type { ReactNode } from "react";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Car, LogOut } from "lucide-react";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { LocaleSwitcher } from "./locale-switcher";
import { MobileNav } from "./mobile-nav";
import { NavBadge } from "./nav-badge";
import { signOutAction } from "@/lib/accounts/actions";

export interface NavItem {
  href: string;
  label: string;
  /** A count next to the label (the unread messages), with its spoken form. */
  badge?: { count: number; label: string };
}


/** The frame of every page: brand, section navigation, language switch, the user and sign-out. */
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
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
          <Link href={home} className="flex items-center gap-2 font-semibold text-zinc-900">
            <Car aria-hidden className="size-5 text-brand-600" />
            {t("appName")}
          </Link>
          {nav.length ? (
            <nav aria-label={t("mainNav")} className="hidden items-center gap-0.5 lg:flex">
              {nav.map((n) => (
                <Link key={n.href} href={n.href} className="inline-flex items-center whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100">
                  {n.label}
                  <NavBadge badge={n.badge} />
                </Link>
              ))}
            </nav>
          ) : null}
          <div className="ml-auto flex items-center gap-3">
            <Suspense>
              <LocaleSwitcher />
            </Suspense>
            {user ? (
              <form action={signOutAction} className="hidden items-center lg:flex">
                <span className="mr-2 hidden max-w-48 truncate text-sm text-zinc-600 2xl:inline" title={user.email} data-testid="current-user">
                  {user.email}
                </span>
                <button type="submit" className="inline-flex items-center gap-1 whitespace-nowrap rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100">
                  <LogOut aria-hidden className="size-4" />
                  {t("signOut")}
                </button>
              </form>
            ) : null}
            {nav.length || user ? <MobileNav nav={nav} user={user ?? null} signOutLabel={t("signOut")} menuLabel={t("menu")} closeLabel={t("closeMenu")} /> : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="border-t border-zinc-200 py-4 text-center text-xs text-zinc-500">
        {t("footer")} ·{" "}
        <Link href="/privacy" className="hover:underline" data-testid="footer-privacy">
          {tp("footerLink")}
        </Link>
      </footer>
    </div>
  );
}
