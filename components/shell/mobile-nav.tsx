"use client";

import { useRef } from "react";
import { Menu, X } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { signOutAction } from "@/lib/accounts/actions";
import type { NavItem } from "./app-shell";
import { NavBadge } from "./nav-badge";

/**
 * The navigation as a drawer on small screens: the browser's own modal <dialog> (focus stays
 * inside, Escape closes, focus returns to the menu button), so every page does not ship a dialog
 * library for it (decision 0039). A click on the dimmed backdrop closes it too.
 */
export function MobileNav({ nav, user, signOutLabel, menuLabel, closeLabel }: { nav: NavItem[]; user: { email: string } | null; signOutLabel: string; menuLabel: string; closeLabel: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="relative rounded-md p-2 text-zinc-700 hover:bg-zinc-100 lg:hidden" aria-label={menuLabel} aria-haspopup="dialog">
        <Menu aria-hidden className="size-5" />
        {nav.some((n) => (n.badge?.count ?? 0) > 0) ? <span aria-hidden className="absolute right-1 top-1 size-2 rounded-full bg-brand-600" /> : null}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="mobile-nav-title"
        // The dialog element fills the screen's right edge; a click on it outside its panel is a click on the backdrop.
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
        className="fixed inset-y-0 left-auto right-0 m-0 h-dvh max-h-none w-72 max-w-full bg-white p-0 shadow-xl backdrop:bg-black/30"
      >
        <div className="h-full p-4">
          <div className="mb-4 flex items-center justify-between">
            <h2 id="mobile-nav-title" className="font-semibold">
              {menuLabel}
            </h2>
            <button type="button" onClick={close} className="rounded-md p-1 hover:bg-zinc-100" aria-label={closeLabel}>
              <X aria-hidden className="size-5" />
            </button>
          </div>
          <nav className="flex flex-col gap-1" aria-label={menuLabel}>
            {nav.map((n) => (
              <Link key={n.href} href={n.href} onClick={close} className="flex items-center rounded-md px-3 py-2 text-sm hover:bg-zinc-100">
                {n.label}
                <NavBadge badge={n.badge} />
              </Link>
            ))}
          </nav>
          {user ? (
            <form action={signOutAction} className="mt-6 border-t pt-4">
              <p className="mb-2 truncate text-sm text-zinc-600" data-testid="current-user-mobile">{user.email}</p>
              <button type="submit" className="w-full rounded-md bg-zinc-100 px-3 py-2 text-sm">
                {signOutLabel}
              </button>
            </form>
          ) : null}
        </div>
      </dialog>
    </>
  );
}
