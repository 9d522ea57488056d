import { describe, expect, it } from "vitest";
import { assessLine, checkReading, MAX_KM_PER_DAY, MAX_LATE_DAYS, type Reading } from "@/lib/dossier/mileage";
import { calendarDate } from "@/lib/server/dates";

/** Recorded at noon in Amsterdam on the given day. */
const at = (iso: string) => new Date(`${iso}T11:00:00Z`);
let n = 0;
const reading = (on: string, km: number, recorded = on): Reading => ({ id: `r${++n}`, on: calendarDate(on), km, recordedAt: at(recorded), source: "WORKSHOP" });

describe("checkReading at the edges", () => {
  const first = reading("2026-03-01", 10_000);

  it("the first reading of a car is logical", () => {
    expect(checkReading([], first).findings).toEqual([]);
  });

  it("an equal reading on a later day is logical (the car stood still)", () => {
    expect(checkReading([first], reading("2026-03-10", 10_000)).findings).toEqual([]);
  });

  it("one kilometre lower than an earlier reading is not", () => {
    const r = checkReading([first], reading("2026-03-10", 9_999));
    expect(r.findings).toEqual(["lower"]);
    expect(r.against).toEqual({ on: first.on, km: 10_000 });
  });

  it("lower than any earlier reading, not only the previous one", () => {
    const r = checkReading([first, reading("2026-03-05", 12_000), reading("2026-02-01", 8_000)], reading("2026-03-10", 11_000));
    expect(r.findings).toEqual(["lower"]);
    expect(r.against?.km).toBe(12_000);
  });

  it("exactly 1,000 km a day is logical; one more is not", () => {
    expect(MAX_KM_PER_DAY).toBe(1000);
    expect(checkReading([first], reading("2026-03-03", 12_000)).findings).toEqual([]);
    expect(checkReading([first], reading("2026-03-03", 12_001)).findings).toEqual(["too_fast"]);
  });

  it("the pace counts from the latest earlier day, not from an older reading", () => {
    const earlier = [reading("2026-01-01", 5_000), first];
    expect(checkReading(earlier, reading("2026-03-02", 11_000)).findings).toEqual([]);
    expect(checkReading(earlier, reading("2026-03-02", 11_001)).findings).toEqual(["too_fast"]);
  });

  it("a second reading on the same day is a duplicate, an equal one too", () => {
    expect(checkReading([first], reading("2026-03-01", 10_000)).findings).toEqual(["same_day"]);
    expect(checkReading([first], reading("2026-03-01", 10_050)).findings).toEqual(["same_day"]);
    // Lower on the same day: both.
    expect(checkReading([first], reading("2026-03-01", 9_000)).findings).toEqual(["same_day", "lower"]);
  });

  it("recorded exactly 5 days after its date is in time; 6 days is late", () => {
    expect(MAX_LATE_DAYS).toBe(5);
    expect(checkReading([], reading("2026-03-01", 1, "2026-03-06")).findings).toEqual([]);
    expect(checkReading([], reading("2026-03-01", 1, "2026-03-07")).findings).toEqual(["late"]);
  });

  it("lateness counts Amsterdam days: 00:30 in Amsterdam is already the next day", () => {
    const r = { on: calendarDate("2026-03-01"), km: 1 };
    // 2026-03-06 23:30 UTC is 2026-03-07 00:30 in Amsterdam (winter time): six days.
    expect(checkReading([], { ...r, recordedAt: new Date("2026-03-06T22:59:00Z") }).findings).toEqual([]);
    expect(checkReading([], { ...r, recordedAt: new Date("2026-03-06T23:30:00Z") }).findings).toEqual(["late"]);
  });

  it("a reading dated before the others is judged only against those before it", () => {
    expect(checkReading([first], reading("2026-02-01", 9_000)).findings).toEqual([]);
  });
});

describe("assessLine", () => {
  it("no readings: no verdict", () => {
    expect(assessLine([]).verdict).toBe("none");
  });

  it("a consistent line is logical, its latest reading the last by date", () => {
    const line = assessLine([reading("2026-03-10", 11_000), reading("2026-03-01", 10_000), reading("2026-03-20", 11_000)]);
    expect(line.verdict).toBe("logical");
    expect(line.reasons).toEqual([]);
    expect(line.readings.map((r) => r.km)).toEqual([10_000, 11_000, 11_000]);
    expect(line.latest?.on).toEqual(calendarDate("2026-03-20"));
  });

  it("one lower reading makes the line illogical, with it as the reason", () => {
    const low = reading("2026-03-20", 9_500);
    const line = assessLine([reading("2026-03-01", 10_000), reading("2026-03-10", 11_000), low]);
    expect(line.verdict).toBe("illogical");
    expect(line.reasons.map((r) => [r.id, r.findings])).toEqual([[low.id, ["lower"]]]);
  });

  it("a back-dated high reading makes the next one by date lower", () => {
    const line = assessLine([reading("2026-03-01", 10_000), reading("2026-03-10", 11_000), reading("2026-03-05", 12_000, "2026-03-08")]);
    expect(line.reasons.map((r) => r.km)).toEqual([11_000]);
  });
});
