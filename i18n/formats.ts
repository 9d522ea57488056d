import type { Formats } from "next-intl";

/**
 * The named number and date formats, configured once (i18n/request.ts for pages, emails/index.ts
 * for e-mails) and used by name:
 * `format.dateTime(d, "date")`, `format.number(n, "eur")`, or `{amount, number, eur}` in a message.
 * Each renders in the reader's language as Intl writes it (tests/unit/locale-formats.test.ts):
 * nl and nl-BE "12 mrt 2026", "€ 1.234,50"; fr "12 mars 2026", "1 234,50 €"; en "Mar 12, 2026", "€1,234.50".
 */
export const formats = {
  dateTime: {
    /** A day: 12 mrt 2026 / Mar 12, 2026. */
    date: { dateStyle: "medium" },
    /** A day and a time: 12 mrt 2026 14:05. */
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    /**
     * A calendar date stored as midnight UTC (a date of birth, a document's validity): written out
     * and read in UTC, so no time zone moves it to the day before.
     */
    calendarDate: { dateStyle: "long", timeZone: "UTC" },
  },
  number: {
    /** An amount in euros (the value in euros, not cents). */
    eur: { style: "currency", currency: "EUR" },
    /** A distance or a mileage in kilometres. */
    km: { style: "unit", unit: "kilometer" },
    /** A file's size: 1,6 MB (of 1024 × 1024 bytes, as the upload limit counts). */
    megabytes: { style: "unit", unit: "megabyte", maximumFractionDigits: 1 },
    /** A small file's size: 12 kB. */
    kilobytes: { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 },
  },
} satisfies Formats;

/** The time zone dates and times are shown in (the portal's users are in the Netherlands and Belgium: Brussels keeps the same time). */
export const TIME_ZONE = "Europe/Amsterdam";
