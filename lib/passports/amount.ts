/**
 * Amounts in euros as staff type them, to whole cents. Pure: no framework, no I/O.
 *
 * Accepted: "125", "125,5", "125.50", "€ 1.234,56" (Dutch thousands), "1,234.56" (English
 * thousands). A lone separator followed by three digits is a thousands separator ("1.234" is
 * 1234 euros), never a decimal one.
 */
export const MAX_AMOUNT_CENTS = 100_000_000; // one million euros

const PLAIN = /^(\d+)(?:[.,](\d{1,2}))?$/;
const NL_THOUSANDS = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;
const EN_THOUSANDS = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

export function parseEuroToCents(input: string): number | null {
  if (typeof input !== "string" || input.length > 30) return null;
  const s = input.replace(/€|EUR/gi, "").replace(/\s+/g, "");
  const m = PLAIN.exec(s) ?? NL_THOUSANDS.exec(s) ?? EN_THOUSANDS.exec(s);
  if (!m) return null;
  const euros = Number(m[1]!.replace(/[.,]/g, ""));
  const cents = Number((m[2] ?? "0").padEnd(2, "0"));
  const total = euros * 100 + cents;
  if (!Number.isSafeInteger(total) || total <= 0 || total > MAX_AMOUNT_CENTS) return null;
  return total;
}

/** The sum of a passport's cost items, in cents. */
export function totalCents(items: { amountCents: number }[]): number {
  return items.reduce((sum, i) => sum + i.amountCents, 0);
}
