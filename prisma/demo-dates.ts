/**
 * The dates of the demo world, counted in calendar months in Amsterdam as the portal counts them
 * (lib/server/dates.ts, docs/decisions/0013-dates.md). Counting a month as 30.44 days made a
 * 24-month contract that started on 1 October 2025 end on 2 October 2027.
 */
import { addMonths } from "../lib/server/dates";

/** A holding that started `monthsAgo` calendar months before `now`, at the same time of day. */
export function monthsBefore(now: Date, monthsAgo: number): Date {
  return addMonths(now, -monthsAgo);
}

/** A contract of `durationMonths` that started at `startsAt`: it ends on the same calendar day that many months later. */
export function contractPeriod(startsAt: Date, durationMonths: number): { startsAt: Date; endsAt: Date } {
  return { startsAt, endsAt: addMonths(startsAt, durationMonths) };
}
