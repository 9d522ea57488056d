/**
 * Dates, the way the portal's users count them: calendar days in Europe/Amsterdam (Brussels keeps
 * the same time). Pure: date-fns only, no framework, no database; importable anywhere.
 *
 * Two kinds of value (docs/decisions/0013-dates.md):
 * - an instant (a `Date`): when something happened or ends, e.g. a contract's start and end;
 * - a calendar date (a date without a time: a date of birth, an ID document's last valid day),
 *   held as a `Date` at 00:00 UTC of that day, the form Prisma reads and writes for `@db.Date`.
 */
import { addDays as addDaysIn, addMonths as addMonthsIn } from "date-fns";
import { tz, TZDate } from "@date-fns/tz";

/** The users' time zone. */
export const TIME_ZONE = "Europe/Amsterdam";

const inZone = tz(TIME_ZONE);

/** The calendar date "YYYY-MM-DD" (e.g. from a date field) as a `Date` at 00:00 UTC of that day. */
export function calendarDate(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`calendarDate: not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new RangeError(`calendarDate: no such day: ${iso}`);
  return d;
}

/**
 * Today's calendar date in Amsterdam, as a calendar date (00:00 UTC of that day): comparable with
 * the calendar dates users type. At 00:30 in Amsterdam it is already the new day, although UTC
 * still has the previous one. `now` is injectable for tests.
 */
export function today(now: Date = new Date()): Date {
  const here = new TZDate(now.getTime(), TIME_ZONE);
  return new Date(Date.UTC(here.getFullYear(), here.getMonth(), here.getDate()));
}

/** The current year in Amsterdam (on 1 January at 00:30 it is the new year already). */
export function currentYear(now: Date = new Date()): number {
  return new TZDate(now.getTime(), TIME_ZONE).getFullYear();
}

/**
 * The instant `months` calendar months after `start`, at the same time of day in Amsterdam. A day
 * the target month lacks becomes its last day: 31 January + 1 month is 28 (or 29) February, and
 * 29 February 2028 + 12 months is 28 February 2029, never a day in March.
 */
export function addMonths(start: Date, months: number): Date {
  return new Date(addMonthsIn(start, months, { in: inZone }).getTime());
}

/**
 * The instant `days` calendar days after `start`, at the same time of day in Amsterdam (a day
 * across a daylight-saving change is 23 or 25 hours): "30 days before a contract ends".
 */
export function addDays(start: Date, days: number): Date {
  return new Date(addDaysIn(start, days, { in: inZone }).getTime());
}
