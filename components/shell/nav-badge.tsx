import type { NavItem } from "./app-shell";

/** The count next to a navigation label; nothing at zero. */
export function NavBadge({ badge }: { badge?: NavItem["badge"] }) {
  if (!badge || badge.count <= 0) return null;
  return (
    <>
      <span aria-hidden data-testid="nav-unread" className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white">
        {badge.count > 99 ? "99+" : badge.count}
      </span>
      <span className="sr-only">({badge.label})</span>
    </>
  );
}
