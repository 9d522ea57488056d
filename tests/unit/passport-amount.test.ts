import { describe, expect, it } from "vitest";
import { parseEuroToCents, totalCents } from "@/lib/passports/amount";
import { AddCostItemInput, ConfirmTransferInput } from "@/lib/passports/schemas";

describe("parseEuroToCents", () => {
  it.each([
    ["125", 12500],
    ["125,5", 12550],
    ["125,50", 12550],
    ["125.50", 12550],
    ["€ 49,95", 4995],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["1.234", 123400],
    ["12.345.678", null],
    ["0", null],
    ["-5", null],
    ["12,345,6", null],
    ["1,2345", null],
    ["abc", null],
    ["", null],
    ["1000000", 100000000],
    ["1000000,01", null],
  ])("%j is %s cents", (input, cents) => {
    expect(parseEuroToCents(input)).toBe(cents);
  });

  it("sums a passport's cost items", () => {
    expect(totalCents([{ amountCents: 4950 }, { amountCents: 17500 }])).toBe(22450);
    expect(totalCents([])).toBe(0);
  });
});

describe("passport schemas", () => {
  it("turns an amount into cents and reports a bad one by its message key", () => {
    expect(AddCostItemInput.parse({ passportId: "p1", description: "APK", amount: "49,95" })).toEqual({ passportId: "p1", description: "APK", amount: 4995 });
    const r = AddCostItemInput.safeParse({ passportId: "p1", description: "APK", amount: "veel" });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["amount_invalid"]);
  });

  it("wants the buyer's e-mail typed twice, and refuses unknown fields", () => {
    const base = { passportId: "p1", name: "Bram", email: "Bram@Example.test", emailConfirm: "bram@example.test", locale: "nl" };
    expect(ConfirmTransferInput.parse(base)).toMatchObject({ email: "bram@example.test" });
    const differ = ConfirmTransferInput.safeParse({ ...base, emailConfirm: "bram@example.tset" });
    expect(differ.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["emailConfirm", "emails_differ"]]);
    expect(ConfirmTransferInput.safeParse({ ...base, garageId: "other" }).success).toBe(false);
  });
});
