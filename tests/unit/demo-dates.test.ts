import { describe, expect, it } from "vitest";
import { contractPeriod, monthsBefore } from "@/prisma/demo-dates";

/** The calendar day and clock time in Amsterdam, as the portal shows an instant. */
const amsterdam = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d);

describe("the demo world's dates (calendar months in Amsterdam)", () => {
  it("a 24-month contract that started on 1 October 2025 ends on 1 October 2027, not a day later", () => {
    const { startsAt, endsAt } = contractPeriod(new Date("2025-10-01T11:00:00+02:00"), 24);
    expect(amsterdam(startsAt)).toBe("2025-10-01 11:00");
    expect(amsterdam(endsAt)).toBe("2027-10-01 11:00");
  });

  it("a holding 14 months back from 1 December 2026 started on 1 October 2025, and its contracts end on that day", () => {
    const now = new Date("2026-12-01T10:00:00+01:00");
    const started = monthsBefore(now, 14);
    expect(amsterdam(started)).toBe("2025-10-01 10:00");
    expect(amsterdam(contractPeriod(started, 24).endsAt)).toBe("2027-10-01 10:00");
    expect(amsterdam(contractPeriod(started, 36).endsAt)).toBe("2028-10-01 10:00");
  });

  it.each([
    [30, 60],
    [14, 24],
    [14, 36],
    [3, 0],
  ])("any day of the year: %i months back, %i months long, ends on the start's day of the month", (back, months) => {
    for (let day = 0; day < 366; day += 7) {
      const now = new Date(Date.UTC(2026, 0, 1, 9) + day * 86_400_000);
      const start = monthsBefore(now, back);
      const end = contractPeriod(start, months).endsAt;
      const [sd, ed, nd] = [start, end, now].map((d) => amsterdam(d).slice(8));
      // The day of the month (and clock time) stays, except where a shorter month clamps it.
      if (Number(nd.slice(0, 2)) <= 28) {
        expect(sd).toBe(nd);
        expect(ed).toBe(nd);
      }
    }
  });
});
