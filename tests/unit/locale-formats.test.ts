import { describe, expect, it } from "vitest";
import { createFormatter } from "use-intl/core";
import { formats, TIME_ZONE } from "@/i18n/formats";
import { routing, type AppLocale } from "@/i18n/routing";

// Intl writes a no-break space (U+00A0) or a narrow one (U+202F) where French and Dutch put one.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const formatterFor = (locale: AppLocale) => createFormatter({ locale, formats, timeZone: TIME_ZONE });

describe("dates, numbers and money in the reader's language (i18n/formats.ts)", () => {
  const when = new Date("2026-03-12T13:05:00Z");
  const birthday = new Date("1990-05-03T00:00:00Z");
  const expected: Record<AppLocale, string[]> = {
    nl: ["12 mrt 2026", "12 mrt 2026, 14:05", "3 mei 1990", "€ 1.234,50", "48.300 km", "1,6 MB"],
    "nl-BE": ["12 mrt 2026", "12 mrt 2026, 14:05", "3 mei 1990", "€ 1.234,50", "48.300 km", "1,6 MB"],
    en: ["Mar 12, 2026", "Mar 12, 2026, 2:05 PM", "May 3, 1990", "€1,234.50", "48,300 km", "1.6 MB"],
    fr: ["12 mars 2026", "12 mars 2026, 14:05", "3 mai 1990", "1 234,50 €", "48 300 km", "1,6 Mo"],
  };

  it.each([...routing.locales])("%s", (locale) => {
    const f = formatterFor(locale);
    const out = [
      f.dateTime(when, "date"),
      f.dateTime(when, "dateTime"),
      f.dateTime(birthday, "calendarDate"),
      f.number(1234.5, "eur"),
      f.number(48300, "km"),
      f.number(1.6, "megabytes"),
    ].map(plain);
    expect(out).toEqual(expected[locale]);
  });
});
