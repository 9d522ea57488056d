/**
 * Appointment times: typed in a `datetime-local` field as a wall-clock time in Amsterdam (the
 * portal's users are in the Netherlands and Belgium), stored as instants, written out in the
 * reader's language. Pure: no framework, no database.
 */
import { TZDate } from "@date-fns/tz";
import { TIME_ZONE } from "../server/dates";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/** "YYYY-MM-DDTHH:mm" in Amsterdam as an instant; null when it is not such a time (or no such day). */
export function amsterdamInstant(local: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const t = new TZDate(y, mo - 1, d, h, mi, TIME_ZONE);
  // A day the month lacks (31 April) rolls over: refused, not moved.
  if (t.getDate() !== d || t.getMonth() !== mo - 1) return null;
  return new Date(t.getTime());
}

/** The instant as a `datetime-local` value in Amsterdam (a form's default). */
export function localValue(at: Date): string {
  const t = new TZDate(at.getTime(), TIME_ZONE);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}`;
}

const WHEN: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE };

/** An appointment's time written out in `locale`, in Amsterdam time: "donderdag 12 maart 2026 om 09:30". */
export function formatWhen(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, WHEN).format(at);
}
