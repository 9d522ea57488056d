import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** The sections of the car page, in order; each is one anchor (`#overview`, ...). */
export const DOSSIER_SECTIONS = ["overview", "history", "maintenance", "recalls", "contracts", "drivers"] as const;
export type DossierSectionId = (typeof DOSSIER_SECTIONS)[number];

/**
 * One section of the car page (docs/decisions/0029): an anchored region with its heading. Each
 * part of the dossier goes into exactly one section, so a new part is placed by putting it into
 * its section's slot.
 */
export function DossierSection({ id, title, children, className }: { id: DossierSectionId; title: string; children: ReactNode; className?: string }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} data-testid={`section-${id}`} className={cn("scroll-mt-20 space-y-4", className)}>
      <h2 id={`${id}-title`} className="border-b pb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The section links at the top of the car page: they wrap on a phone, never scroll sideways. */
export function DossierSectionNav({ label, sections }: { label: string; sections: { id: DossierSectionId; title: string }[] }) {
  return (
    <nav aria-label={label} data-testid="section-nav">
      <ul className="flex flex-wrap gap-2 text-sm">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className="inline-block rounded-full border border-zinc-300 px-3 py-1 text-zinc-700 hover:border-brand-600 hover:text-brand-600">
              {s.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
