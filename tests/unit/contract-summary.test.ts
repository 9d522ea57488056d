import { describe, expect, it } from "vitest";
import { contractSummary } from "@/lib/vehicles/contract-summary";

const at = (iso: string) => new Date(iso);

describe("contractSummary (the garage card's line about active contracts)", () => {
  it("says nothing without contracts", () => {
    expect(contractSummary([])).toEqual({ kind: "none" });
  });

  it("names the one contract and its end", () => {
    expect(contractSummary([{ product: "CONNECT", endsAt: at("2028-10-01T09:00:00Z") }])).toEqual({ kind: "one", product: "CONNECT", endsAt: at("2028-10-01T09:00:00Z") });
    expect(contractSummary([{ product: "CONNECT", endsAt: null }])).toEqual({ kind: "one", product: "CONNECT", endsAt: null });
  });

  it("of two with different ends names the one that ends first, whatever the order given", () => {
    const connect = { product: "CONNECT", endsAt: at("2028-10-01T09:00:00Z") };
    const roadside = { product: "ROADSIDE", endsAt: at("2027-10-01T09:00:00Z") };
    const expected = { kind: "first", count: 2, product: "ROADSIDE", endsAt: roadside.endsAt };
    expect(contractSummary([connect, roadside])).toEqual(expected);
    expect(contractSummary([roadside, connect])).toEqual(expected);
  });

  it("ignores a contract without an end date when looking for the first end", () => {
    expect(contractSummary([{ product: "CHARGING", endsAt: null }, { product: "ROADSIDE", endsAt: at("2027-10-01T09:00:00Z") }])).toMatchObject({ kind: "first", count: 2, product: "ROADSIDE" });
    expect(contractSummary([{ product: "CHARGING", endsAt: null }, { product: "ROADSIDE", endsAt: null }])).toEqual({ kind: "open", count: 2 });
  });

  it("says they end together when they end on the same day in Amsterdam, even at other times", () => {
    // 23:30 UTC on 30 September is 1 October in Amsterdam, as is 09:00 UTC on 1 October.
    const a = { product: "CONNECT", endsAt: at("2027-09-30T23:30:00Z") };
    const b = { product: "ROADSIDE", endsAt: at("2027-10-01T09:00:00Z") };
    expect(contractSummary([b, a])).toEqual({ kind: "together", count: 2, ending: 2, endsAt: a.endsAt });
  });

  it("counts how many of several end first together", () => {
    const r = contractSummary([
      { product: "CONNECT", endsAt: at("2029-10-01T09:00:00Z") },
      { product: "ROADSIDE", endsAt: at("2027-10-01T09:00:00Z") },
      { product: "WARRANTY_PLUS", endsAt: at("2027-10-01T09:00:00Z") },
    ]);
    expect(r).toEqual({ kind: "together", count: 3, ending: 2, endsAt: at("2027-10-01T09:00:00Z") });
  });

  it("does not take the same day in UTC for the same day in Amsterdam", () => {
    // Both 30 September in UTC, but 1 October 01:30 and 30 September 10:00 in Amsterdam.
    const r = contractSummary([
      { product: "CONNECT", endsAt: at("2027-09-30T23:30:00Z") },
      { product: "ROADSIDE", endsAt: at("2027-09-30T08:00:00Z") },
    ]);
    expect(r).toMatchObject({ kind: "first", product: "ROADSIDE" });
  });
});
