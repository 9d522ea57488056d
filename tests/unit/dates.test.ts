import { describe, expect, it } from "vitest";
import { addMonths, calendarDate, currentYear, today } from "@/lib/server/dates";

/** An instant shown as "YYYY-MM-DD HH:mm" on an Amsterdam clock (Intl, not the module under test). */
const amsterdam = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("today (the calendar day in Amsterdam)", () => {
  it.each([
    ["00:30 in winter (UTC+1), still the previous day in UTC", "2026-01-15T23:30:00Z", "2026-01-16"],
    ["00:30 in summer (UTC+2), still the previous day in UTC", "2026-07-15T22:30:00Z", "2026-07-16"],
    ["01:59 in summer", "2026-07-15T23:59:00Z", "2026-07-16"],
    ["23:59 in winter", "2026-01-15T22:59:00Z", "2026-01-15"],
    ["23:59 in summer", "2026-07-15T21:59:59Z", "2026-07-15"],
    ["midday", "2026-07-15T10:00:00Z", "2026-07-15"],
    ["00:30 on the night clocks go forward", "2026-03-28T23:30:00Z", "2026-03-29"],
    ["00:30 on the night clocks go back (still summer time)", "2026-10-24T22:30:00Z", "2026-10-25"],
    ["00:30 on 1 January", "2026-12-31T23:30:00Z", "2027-01-01"],
    ["00:30 on a leap day", "2028-02-28T23:30:00Z", "2028-02-29"],
  ])("%s", (_when, now, expected) => {
    const d = today(new Date(now));
    expect(d.toISOString()).toBe(`${expected}T00:00:00.000Z`);
  });

  it("is comparable with a calendar date typed in a form", () => {
    const now = new Date("2026-01-15T23:30:00Z");
    expect(calendarDate("2026-01-15") < today(now)).toBe(true);
    expect(calendarDate("2026-01-16") < today(now)).toBe(false);
  });

  it("defaults to the current instant", () => {
    const before = day(today(new Date()));
    const got = day(today());
    const after = day(today(new Date()));
    expect([before, after]).toContain(got);
  });
});

describe("currentYear", () => {
  it("turns at midnight in Amsterdam, not at midnight UTC", () => {
    expect(currentYear(new Date("2026-12-31T22:59:00Z"))).toBe(2026);
    expect(currentYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
  });
});

describe("calendarDate", () => {
  it("reads YYYY-MM-DD as 00:00 UTC of that day", () => {
    expect(calendarDate("2028-02-29").toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it.each([["2027-02-29"], ["2026-04-31"], ["2026-13-01"], ["2026-1-5"], [""], ["2026-01-15T00:00:00Z"]])("refuses %j", (input) => {
    expect(() => calendarDate(input)).toThrow(RangeError);
  });
});

describe("addMonths (same time of day in Amsterdam, clamped to the month's last day)", () => {
  it.each([
    ["31 Jan + 1 month is 28 Feb (not 3 March)", "2027-01-31T10:00:00+01:00", 1, "2027-02-28 10:00"],
    ["31 Jan + 1 month in a leap year is 29 Feb", "2028-01-31T10:00:00+01:00", 1, "2028-02-29 10:00"],
    ["30 Jan + 1 month is 28 Feb", "2027-01-30T10:00:00+01:00", 1, "2027-02-28 10:00"],
    ["29 Feb 2028 + 12 months is 28 Feb 2029 (not 1 March)", "2028-02-29T10:00:00+01:00", 12, "2029-02-28 10:00"],
    ["29 Feb 2028 + 48 months is 29 Feb 2032", "2028-02-29T10:00:00+01:00", 48, "2032-02-29 10:00"],
    ["31 Mar + 1 month is 30 Apr", "2027-03-31T10:00:00+02:00", 1, "2027-04-30 10:00"],
    ["31 May + 1 month is 30 Jun", "2027-05-31T10:00:00+02:00", 1, "2027-06-30 10:00"],
    ["31 Aug + 1 month is 30 Sep", "2027-08-31T10:00:00+02:00", 1, "2027-09-30 10:00"],
    ["31 Oct + 1 month is 30 Nov", "2027-10-31T10:00:00+01:00", 1, "2027-11-30 10:00"],
    ["31 Dec + 2 months is 28 Feb", "2026-12-31T10:00:00+01:00", 2, "2027-02-28 10:00"],
    ["31 Jan + 36 months is 31 Jan", "2027-01-31T10:00:00+01:00", 36, "2030-01-31 10:00"],
    ["across the change to summer time the clock time stays", "2027-03-15T10:00:00+01:00", 1, "2027-04-15 10:00"],
    ["across the change to winter time the clock time stays", "2027-10-15T10:00:00+02:00", 1, "2027-11-15 10:00"],
    ["00:30 on 31 Jan in Amsterdam (30 Jan in UTC) + 1 month is 28 Feb", "2027-01-31T00:30:00+01:00", 1, "2027-02-28 00:30"],
    ["00:30 on 31 Mar in Amsterdam (30 Mar in UTC) + 1 month is 30 Apr", "2027-03-31T00:30:00+02:00", 1, "2027-04-30 00:30"],
    ["0 months is the same instant", "2027-01-31T10:00:00+01:00", 0, "2027-01-31 10:00"],
  ])("%s", (_rule, start, months, expected) => {
    const end = addMonths(new Date(start), months);
    expect(end).toBeInstanceOf(Date);
    expect(amsterdam(end)).toBe(expected);
  });

  it("does not change its argument", () => {
    const start = new Date("2027-01-31T10:00:00+01:00");
    addMonths(start, 1);
    expect(start.toISOString()).toBe("2027-01-31T09:00:00.000Z");
  });
});
