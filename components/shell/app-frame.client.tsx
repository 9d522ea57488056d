"use client";

import type { ReactNode } from "react";
import { Suspense } from "react";
import { Car, LogOut } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { signOutAction } from "@/lib/accounts/actions";
import { LocaleSwitcher } from "./locale-switcher.client";
import { MobileNav } from "./mobile-nav";
import { NavBadge } from "./nav-badge";
import type { NavItem } from "./app-shell";

/** The frame's texts, in the page's language (components/shell/app-shell.tsx translates them). */
export interface FrameLabels {
  appName: string;
  mainNav: string;
  signOut: string;
  menu: string;
  closeMenu: string;
  footer: string;
  privacy: string;
}

/**
 * The frame of every page, drawn from its texts and the signed-in user's address. A client
 * component so that a page's payload carries it as a reference and a few strings rather than as
 * a tree of elements: Next sends the frame three times with every page, once for the page and
 * once in each of the two "page not found" fallbacks it keeps ready (docs/decisions/0044).
 * The language switch takes `common` from the root layout's provider.
 */
export function AppFrame({ children, labels, nav, user, home }: { children: ReactNode; labels: FrameLabels; nav: NavItem[]; user: { email: string } | null; home: string }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
          <Link href={home} className="flex items-center gap-2 font-semibold text-zinc-900">
            <Car aria-hidden className="size-5 text-brand-600" />
            {labels.appName}
          </Link>
          {nav.length ? (
            <nav aria-label={labels.mainNav} className="hidden items-center gap-0.5 lg:flex">
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
                  {labels.signOut}
                </button>
              </form>
            ) : null}
            {nav.length || user ? <MobileNav nav={nav} user={user} signOutLabel={labels.signOut} menuLabel={labels.menu} closeLabel={labels.closeMenu} /> : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="border-t border-zinc-200 py-4 text-center text-xs text-zinc-500">
        {labels.footer} ·{" "}
        <Link href="/privacy" className="hover:underline" data-testid="footer-privacy">
          {labels.privacy}
        </Link>
      </footer>
    </div>
  );
}
