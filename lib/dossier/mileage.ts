/**
 * Mileage you can trust: the plausibility rules of a car's odometer readings, as the Dutch
 * odometer register (NAP) judges them, "logisch" or "onlogisch". Pure: no database, no framework;
 * the use cases, queries and the chart all read their verdicts from here.
 *
 * A reading is a calendar date (00:00 UTC of the day, decision 0013), a number of kilometres and
 * the moment it was recorded. Each reading is checked against the readings dated before it:
 * - `lower`: fewer kilometres than an earlier reading (an equal reading is fine: the car stood still);
 * - `too_fast`: more than MAX_KM_PER_DAY kilometres a day since the previous day's reading
 *   (exactly 1,000 a day is fine);
 * - `same_day`: a second reading on a day that already has one (an equal one too: a duplicate);
 * - `late`: recorded more than MAX_LATE_DAYS days after its date (exactly 5 days is fine).
 * The car's verdict is "illogical" as soon as one reading has a finding, with the findings as
 * reasons; "logical" otherwise; "none" without readings.
 */
import { today } from "../server/dates";

export const MAX_KM_PER_DAY = 1000;
export const MAX_LATE_DAYS = 5;
const DAY_MS = 86_400_000;

export type MileageFinding = "lower" | "too_fast" | "same_day" | "late";
export type MileageSourceT = "WORKSHOP" | "OWNER";

export interface Reading {
  id: string;
  /** The calendar date of the reading (00:00 UTC). */
  on: Date;
  km: number;
  /** When it was recorded (an instant); compared with `on` for lateness in Amsterdam days. */
  recordedAt: Date;
  source: MileageSourceT;
}

export interface CheckedReading extends Reading {
  findings: MileageFinding[];
  /** The reading it was compared with for `lower`, `too_fast` or `same_day`. */
  against: { on: Date; km: number } | null;
}

export type Verdict = "logical" | "illogical" | "none";

export interface LineAssessment {
  verdict: Verdict;
  /** The readings in date order (then in recording order), each with its findings. */
  readings: CheckedReading[];
  /** The readings with a finding: the reasons of an "illogical" verdict. */
  reasons: CheckedReading[];
  /** The latest reading by date, if any. */
  latest: CheckedReading | null;
}

/** Whole calendar days from `a` to `b` (both calendar dates at 00:00 UTC). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

const pick = (r: Pick<Reading, "on" | "km">) => ({ on: r.on, km: r.km });

/** Date order, then recording order: the order in which the readings are judged. */
function byDate(a: Reading, b: Reading): number {
  return a.on.getTime() - b.on.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * The findings of one reading against the readings dated before it (or on the same day and
 * recorded before it). `earlier` need not be sorted.
 */
export function checkReading(earlier: readonly Pick<Reading, "on" | "km">[], next: Pick<Reading, "on" | "km" | "recordedAt">): { findings: MileageFinding[]; against: { on: Date; km: number } | null } {
  const findings: MileageFinding[] = [];
  let against: { on: Date; km: number } | null = null;
  const before = earlier.filter((r) => r.on.getTime() <= next.on.getTime());
  const sameDay = before.filter((r) => r.on.getTime() === next.on.getTime());
  if (sameDay.length) {
    findings.push("same_day");
    against = pick(sameDay[0]);
  }
  const highest = before.reduce<Pick<Reading, "on" | "km"> | null>((m, r) => (m && m.km >= r.km ? m : r), null);
  if (highest && next.km < highest.km) {
    findings.push("lower");
    against ??= pick(highest);
  }
  // The pace since the latest reading of an earlier day.
  const previous = before
    .filter((r) => r.on.getTime() < next.on.getTime())
    .reduce<Pick<Reading, "on" | "km"> | null>((m, r) => (m && m.on.getTime() >= r.on.getTime() ? m : r), null);
  if (previous && next.km > previous.km) {
    const days = daysBetween(previous.on, next.on);
    if (next.km - previous.km > MAX_KM_PER_DAY * days) {
      findings.push("too_fast");
      against ??= pick(previous);
    }
  }
  if (daysBetween(next.on, today(next.recordedAt)) > MAX_LATE_DAYS) findings.push("late");
  return { findings, against };
}

/** The whole line of a car's readings: each checked against those before it, and the verdict. */
export function assessLine(input: readonly Reading[]): LineAssessment {
  const sorted = [...input].sort(byDate);
  const readings: CheckedReading[] = sorted.map((r, i) => ({ ...r, ...checkReading(sorted.slice(0, i), r) }));
  const reasons = readings.filter((r) => r.findings.length > 0);
  return {
    verdict: readings.length === 0 ? "none" : reasons.length ? "illogical" : "logical",
    readings,
    reasons,
    latest: readings[readings.length - 1] ?? null,
  };
}
