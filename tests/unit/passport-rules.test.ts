import { describe, expect, it } from "vitest";
import { AFTER_SALE_STATUSES, passportRules, statusAllowed } from "@/lib/passports/rules";
import { PASSPORT_STATUSES } from "@/lib/passports/schemas";

describe("passportRules", () => {
  it("leaves everything open while the garage holds the car in stock", () => {
    expect(passportRules({ inStock: true, pending: null })).toEqual({ statuses: PASSPORT_STATUSES, notes: true, maintenance: true, costs: true, contact: false, fleet: true });
  });

  it("with a transfer pending: the buyer's name and address, no fleet change", () => {
    expect(passportRules({ inStock: true, pending: { id: "t" } })).toMatchObject({ statuses: PASSPORT_STATUSES, costs: true, contact: true, fleet: false });
  });

  it("once the buyer holds the car: service work only, sold or delivered, no costs, no contact details", () => {
    expect(passportRules({ inStock: false, pending: null })).toEqual({ statuses: ["SOLD", "DELIVERED"], notes: true, maintenance: true, costs: false, contact: false, fleet: false });
  });

  it.each(PASSPORT_STATUSES)("status %s: always while held, after the sale only sold or delivered", (status) => {
    expect(statusAllowed({ inStock: true }, status)).toBe(true);
    expect(statusAllowed({ inStock: false }, status)).toBe(AFTER_SALE_STATUSES.includes(status));
  });

  it("never lets a sold car read as in stock or for sale", () => {
    expect(statusAllowed({ inStock: false }, "IN_STOCK")).toBe(false);
    expect(statusAllowed({ inStock: false }, "RESERVED")).toBe(false);
  });
});
