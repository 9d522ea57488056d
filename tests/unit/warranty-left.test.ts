import { describe, expect, it } from "vitest";
import { calendarDate } from "@/lib/server/dates";
import { warrantyLeft, wholeMonths } from "@/lib/recalls/warranty-left";
import { parseVinList } from "@/lib/recalls/vin-list";

const T = calendarDate("2026-03-31");
const d = (iso: string) => calendarDate(iso);

describe("what is left of a warranty", () => {
  it("the last day is covered: 0 days left on it, ended the day after", () => {
    expect(warrantyLeft({ endsAt: T, maxKm: null }, T, null)).toEqual({ ended: false, days: 0, months: null, km: null, kmUnknown: false });
    expect(warrantyLeft({ endsAt: d("2026-03-30"), maxKm: null }, T, null)).toMatchObject({ ended: true, days: 0 });
    expect(warrantyLeft({ endsAt: d("2026-04-01"), maxKm: null }, T, null)).toMatchObject({ ended: false, days: 1 });
  });

  it("says whole months from 60 days on, days before", () => {
    expect(warrantyLeft({ endsAt: d("2026-05-29"), maxKm: null }, T, null)).toMatchObject({ days: 59, months: null });
    expect(warrantyLeft({ endsAt: d("2026-05-30"), maxKm: null }, T, null)).toMatchObject({ days: 60, months: 1 });
    expect(wholeMonths(T, d("2026-05-31"))).toBe(2);
    expect(wholeMonths(T, d("2026-05-30"))).toBe(1);
    expect(wholeMonths(d("2026-01-31"), d("2026-02-28"))).toBe(0);
  });

  it("by mileage: the limit is covered, one km more is not; no reading leaves it unknown", () => {
    expect(warrantyLeft({ endsAt: null, maxKm: 100_000 }, T, 100_000)).toMatchObject({ ended: false, km: 0 });
    expect(warrantyLeft({ endsAt: null, maxKm: 100_000 }, T, 100_001)).toMatchObject({ ended: true, km: 0 });
    expect(warrantyLeft({ endsAt: null, maxKm: 100_000 }, T, 42_500)).toMatchObject({ ended: false, km: 57_500, days: null });
    expect(warrantyLeft({ endsAt: null, maxKm: 100_000 }, T, null)).toMatchObject({ ended: false, km: null, kmUnknown: true });
  });

  it("limited both ways, it ends at whichever comes first", () => {
    expect(warrantyLeft({ endsAt: d("2027-03-31"), maxKm: 100_000 }, T, 100_500)).toMatchObject({ ended: true });
    expect(warrantyLeft({ endsAt: d("2026-01-01"), maxKm: 100_000 }, T, 10)).toMatchObject({ ended: true });
  });
});

describe("the VIN list of a campaign", () => {
  it("reads one VIN per line or a VIN column, and names each bad line", () => {
    expect(parseVinList("WP0ZZZ99ZTS392124\r\nwvgzzz5nzjm131395\n")).toEqual({ ok: true, vins: ["WP0ZZZ99ZTS392124", "WVGZZZ5NZJM131395"] });
    expect(parseVinList("plate,VIN\nAB-12-CD,WP0ZZZ99ZTS392124\nXX,12\n")).toEqual({ ok: false, rejected: [{ line: 3, value: "12", error: "vin_length" }] });
    expect(parseVinList("")).toEqual({ ok: false, rejected: [{ line: 0, value: "", error: "vin_length" }] });
  });
});
