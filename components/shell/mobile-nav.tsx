"use client";

import { Dialog } from "radix-ui";
import { Menu, X } from "lucide-react";
import { Link } from "@/i18n/navigation";
import { signOutAction } from "@/lib/accounts/actions";
import type { NavItem } from "./app-shell";
import { NavBadge } from "./nav-badge";

/** The navigation as a drawer on small screens (Radix dialog: focus trap, Escape, labelled). */
export function MobileNav({ nav, user, signOutLabel, menuLabel }: { nav: NavItem[]; user: { email: string } | null; signOutLabel: string; menuLabel: string }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger className="relative rounded-md p-2 text-zinc-700 hover:bg-zinc-100 lg:hidden" aria-label={menuLabel}>
        <Menu aria-hidden className="size-5" />
        {nav.some((n) => (n.badge?.count ?? 0) > 0) ? <span aria-hidden className="absolute right-1 top-1 size-2 rounded-full bg-brand-600" /> : null}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 w-72 bg-white p-4 shadow-xl">
          <div className="mb-4 flex items-center justify-between">
            <Dialog.Title className="font-semibold">{menuLabel}</Dialog.Title>
            <Dialog.Close className="rounded-md p-1 hover:bg-zinc-100" aria-label="×">
              <X aria-hidden className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{menuLabel}</Dialog.Description>
          <nav className="flex flex-col gap-1">
            {nav.map((n) => (
              <Dialog.Close asChild key={n.href}>
                <Link href={n.href} className="flex items-center rounded-md px-3 py-2 text-sm hover:bg-zinc-100">
                  {n.label}
                  <NavBadge badge={n.badge} />
                </Link>
              </Dialog.Close>
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
