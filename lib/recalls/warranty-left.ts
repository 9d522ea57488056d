/**
 * What is left of a warranty (docs/decisions/0027-recalls-warranties-maintenance.md). Pure.
 *
 * - By date: the end date is the last day covered. Days left count calendar days from today to it
 *   (0 on the last day); from 60 days on the page says whole months instead. After it: ended.
 * - By mileage: the maximum reading is the last one covered; what is left is that minus the car's
 *   latest reading (0 at the limit); past it: ended. Without any reading what is left is unknown.
 * A warranty limited both ways ends at whichever comes first.
 */
const DAY = 86_400_000;
export const MONTHS_FROM_DAYS = 60;

export interface WarrantyLeft {
  ended: boolean;
  /** Calendar days left (null: no end date). */
  days: number | null;
  /** Whole calendar months left, from MONTHS_FROM_DAYS days left on (null before, or without an end date). */
  months: number | null;
  /** Kilometres left (null: no mileage limit, or no reading yet: see kmUnknown). */
  km: number | null;
  kmUnknown: boolean;
}

/** Whole calendar months from `from` to `to` (both calendar dates at 00:00 UTC). */
export function wholeMonths(from: Date, to: Date): number {
  const m = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  return to.getUTCDate() < from.getUTCDate() ? m - 1 : m;
}

export function warrantyLeft(w: { endsAt: Date | null; maxKm: number | null }, today: Date, latestKm: number | null): WarrantyLeft {
  const days = w.endsAt ? Math.round((w.endsAt.getTime() - today.getTime()) / DAY) : null;
  const months = w.endsAt && days !== null && days >= MONTHS_FROM_DAYS ? wholeMonths(today, w.endsAt) : null;
  const kmUnknown = w.maxKm !== null && latestKm === null;
  const km = w.maxKm !== null && latestKm !== null ? w.maxKm - latestKm : null;
  const ended = (days !== null && days < 0) || (km !== null && km < 0);
  return { ended, days: days === null ? null : Math.max(days, 0), months, km: km === null ? null : Math.max(km, 0), kmUnknown };
}
