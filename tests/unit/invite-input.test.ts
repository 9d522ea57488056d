import { describe, expect, it } from "vitest";
import { InviteInput } from "@/lib/linking/schemas";
import { PRODUCTS } from "@/lib/linking/products";

const form = {
  organisationId: "org_1",
  vin: "wp0 zzz99z ts392124",
  make: "Porsche",
  model: "Taycan",
  modelYear: "2026",
  email: " Buyer@Example.NL ",
  locale: "en",
};

describe("InviteInput (the sale form)", () => {
  it("turns the ticked products into contracts with their months and renewal; unticked products are left out", () => {
    const r = InviteInput.parse({
      ...form,
      include_CONNECT: "on",
      months_CONNECT: "48",
      renew_CONNECT: "on",
      include_ROADSIDE: "on",
      months_ROADSIDE: "12",
      months_CHARGING: "6", // not ticked: ignored
      renew_CHARGING: "on",
    });
    expect(r).toEqual({
      organisationId: "org_1",
      vin: "WP0ZZZ99ZTS392124",
      make: "Porsche",
      model: "Taycan",
      modelYear: 2026,
      fuel: "PETROL",
      plate: undefined,
      plateCountry: "NL",
      email: "buyer@example.nl",
      locale: "en",
      contracts: [
        { product: "CONNECT", months: 48, autoRenew: true },
        { product: "ROADSIDE", months: 12, autoRenew: false },
      ],
    });
  });

  it("gives a ticked product without months its default duration, and no product no contracts", () => {
    expect(InviteInput.parse({ ...form, include_WARRANTY_PLUS: "true" }).contracts).toEqual([
      { product: "WARRANTY_PLUS", months: PRODUCTS.WARRANTY_PLUS.defaultMonths, autoRenew: false },
    ]);
    expect(InviteInput.parse(form).contracts).toEqual([]);
  });

  it("reports an invalid duration on its own field", () => {
    for (const months of ["0", "121", "1.5", "many"]) {
      const r = InviteInput.safeParse({ ...form, include_CONNECT: "on", months_CONNECT: months });
      expect(r.success, months).toBe(false);
      expect(r.error?.issues.map((i) => i.path[0]), months).toEqual(["months_CONNECT"]);
    }
  });

  it("still refuses unknown fields, such as a product that does not exist", () => {
    const r = InviteInput.safeParse({ ...form, include_FREE_CAR: "on" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
  });
});
