import { describe, expect, it } from "vitest";
import { OwnerEntryInput, WorkshopEntryInput } from "@/lib/dossier/schemas";
import { today } from "@/lib/server/dates";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const base = { vehicleId: "v1", kind: "SERVICE", performedOn: iso(today()), mileageKm: "12.400", description: "Annual service", lines: "Oil\r\n\n  Filter  \n" };
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("dossier entry schemas", () => {
  it("read the mileage with thousands separators and the work lines without empty lines", () => {
    const r = WorkshopEntryInput.parse(base);
    expect(r.mileageKm).toBe(12_400);
    expect(r.lines).toEqual(["Oil", "Filter"]);
    expect(r.performedOn).toEqual(today());
  });

  it("refuse a date after today, a negative or fractional or huge mileage", () => {
    const tomorrow = iso(new Date(today().getTime() + 86_400_000));
    expect(issues(WorkshopEntryInput.safeParse({ ...base, performedOn: tomorrow }))).toEqual([["performedOn", "date_in_future"]]);
    for (const km of ["-5", "12,5 km", "2000001", "abc"]) expect(issues(WorkshopEntryInput.safeParse({ ...base, mileageKm: km }))).toEqual([["mileageKm", "mileage_invalid"]]);
    expect(issues(WorkshopEntryInput.safeParse({ ...base, mileageKm: "" }))).toEqual([["mileageKm", "required"]]);
    expect(WorkshopEntryInput.parse({ ...base, mileageKm: "2000000" }).mileageKm).toBe(2_000_000);
  });

  it("refuse more than 30 lines and a control character in a line", () => {
    expect(issues(WorkshopEntryInput.safeParse({ ...base, lines: Array.from({ length: 31 }, (_, i) => `l${i}`).join("\n") }))).toEqual([["lines", "too_many_lines"]]);
    expect(WorkshopEntryInput.parse({ ...base, lines: Array.from({ length: 30 }, (_, i) => `l${i}`).join("\n") }).lines).toHaveLength(30);
    expect(issues(WorkshopEntryInput.safeParse({ ...base, lines: "a\tb" }))).toEqual([["lines", "text_control_chars"]]);
  });

  it("a correction needs a reason; an unknown field is refused", () => {
    expect(issues(OwnerEntryInput.safeParse({ ...base, correctsId: "e1" }))).toEqual([["correctionReason", "required"]]);
    expect(OwnerEntryInput.parse({ ...base, correctsId: "e1", correctionReason: "typo" }).correctsId).toBe("e1");
    expect(OwnerEntryInput.safeParse({ ...base, source: "WORKSHOP" }).success).toBe(false);
    expect(OwnerEntryInput.safeParse({ ...base, organisationId: "o1" }).success).toBe(false);
  });
});
