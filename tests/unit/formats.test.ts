import { describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "use-intl/core";
import { formats, TIME_ZONE } from "@/i18n/formats";

// Intl separates with (narrow) no-break spaces; compare them as plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const formatter = (locale: "nl" | "en", timeZone = TIME_ZONE) => createFormatter({ locale, formats, timeZone });

describe("named formats (i18n/formats.ts)", () => {
  it("write amounts in euros for each language", () => {
    expect(plain(formatter("nl").number(1234.5, "eur"))).toBe("€ 1.234,50");
    expect(plain(formatter("en").number(1234.5, "eur"))).toBe("€1,234.50");
  });

  it("write distances in kilometres", () => {
    expect(plain(formatter("nl").number(123456, "km"))).toBe("123.456 km");
    expect(plain(formatter("en").number(123456, "km"))).toBe("123,456 km");
  });

  it("write a day, and a day with its time in the portal's time zone", () => {
    const at = new Date("2026-03-12T13:05:00Z"); // 14:05 in Amsterdam
    expect(plain(formatter("nl").dateTime(at, "date"))).toBe("12 mrt 2026");
    expect(plain(formatter("en").dateTime(at, "date"))).toBe("Mar 12, 2026");
    expect(plain(formatter("nl").dateTime(at, "dateTime"))).toBe("12 mrt 2026, 14:05");
    expect(plain(formatter("en").dateTime(at, "dateTime"))).toBe("Mar 12, 2026, 2:05 PM");
  });

  it("keep a calendar date (stored as midnight UTC) on its day in any time zone", () => {
    const born = new Date("1990-03-01T00:00:00Z");
    expect(formatter("nl", "America/New_York").dateTime(born, "calendarDate")).toBe("1 maart 1990");
    expect(formatter("en", "America/New_York").dateTime(born, "calendarDate")).toBe("March 1, 1990");
    // Without the format's own time zone the same instant is the day before in New York.
    expect(formatter("en", "America/New_York").dateTime(born, { dateStyle: "long" })).toBe("February 28, 1990");
  });

  it("write file sizes in MB and kB", () => {
    expect(plain(formatter("nl").number(1.55, "megabytes"))).toBe("1,6 MB");
    expect(plain(formatter("en").number(12.4, "kilobytes"))).toBe("12 kB");
  });

  it("serve messages too: {amount, number, eur}", () => {
    const t = createTranslator({ locale: "nl", formats, timeZone: TIME_ZONE, messages: { m: "Totaal {amount, number, eur}" } });
    expect(plain(t("m", { amount: 99 }))).toBe("Totaal € 99,00");
  });
});
