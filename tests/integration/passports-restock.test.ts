import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { acceptTransfer, acceptTransferByToken } from "@/lib/passports/accept-transfer";
import { confirmTransfer } from "@/lib/passports/confirm-transfer";
import { createPassport } from "@/lib/passports/create-passport";
import { addMaintenanceItem } from "@/lib/passports/add-maintenance-item";
import { addCostItem } from "@/lib/passports/add-cost-item";
import { updatePassport } from "@/lib/passports/update-passport";
import { getOwnerPassport } from "@/lib/passports/queries/owner-passport";
import { getPassportProfile } from "@/lib/passports/queries/staff-profile";
import { getTransferByToken } from "@/lib/passports/queries/transfer-link";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { actorFor, createUser } from "../factories";
import { confirmTo, expectAppError, garageStaff, randomNlPlate, stockPassport, type Staff } from "../factories/passports";

const settledErrors = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason instanceof AppError ? `${r.reason.code}:${r.reason.messageKey}` : String(r.reason)));

/** Garage A sells a stock car to a buyer, who later trades it in (removes it from their garage). */
async function soldAndTradedIn() {
  const a = await garageStaff();
  const car = await stockPassport(a);
  await addCostItem({ actor: a.actor, passportId: car.passportId, description: "Afleverpakket", amountCents: 29_500 });
  await addMaintenanceItem({ actor: a.actor, passportId: car.passportId, description: "Distributieriem vervangen" });
  await updatePassport({ actor: a.actor, passportId: car.passportId, status: "RESERVED", notes: "Koper wil trekhaak" });
  const first = await createUser();
  const sale = await confirmTo(a, car.passportId, first.email, { name: "Anna Eerste", street: "Eerstelaan 9", city: "Zeist" });
  const firstActor = await actorFor(first.id);
  await acceptTransfer({ actor: firstActor, transferId: sale.transferId });
  await removeVehicle({ actor: firstActor, vehicleId: car.vehicleId, understood: true });
  return { a, car, first, firstActor, sale };
}

const restock = (staff: Staff, car: { plate: string; vin: string }, over: Partial<Parameters<typeof createPassport>[0]> = {}) =>
  createPassport({ actor: staff.actor, garageId: staff.garage.id, plate: car.plate, vin: car.vin, make: "Honda", model: "Civic", modelYear: 2019, ...over });

describe("taking a traded-in car back into stock", () => {
  it("gives another garage the existing passport, without the previous sale's personal data, and a second transfer works", async () => {
    const { a, car, first, sale } = await soldAndTradedIn();
    const b = await garageStaff();
    const before = await db.passport.findUniqueOrThrow({ where: { id: car.passportId } });

    const r = await restock(b, car, { fleetAccountId: b.fleet.id });
    expect(r).toEqual({ passportId: car.passportId, vehicleId: car.vehicleId, restocked: true });
    const p = await db.passport.findUniqueOrThrow({ where: { id: car.passportId } });
    expect(p).toMatchObject({
      garageId: b.garage.id,
      fleetAccountId: b.fleet.id,
      status: "IN_STOCK",
      notes: "",
      contactName: null,
      contactStreet: null,
      contactPostalCode: null,
      contactCity: null,
      contactEmail: null,
      serviceRelationshipEndedAt: null,
      createdById: a.user.id,
    });
    expect(p.activatedAt.getTime()).toBeGreaterThan(before.activatedAt.getTime());
    expect(await db.passport.count({ where: { vehicleId: car.vehicleId } })).toBe(1);
    expect(await db.passportCostItem.count({ where: { passportId: car.passportId } })).toBe(0);
    expect(await db.passportMaintenanceItem.count({ where: { passportId: car.passportId } })).toBe(1);
    const active = await db.holding.findMany({ where: { vehicleId: car.vehicleId, endedAt: null } });
    expect(active.map((h) => [h.kind, h.organisationId])).toEqual([["STOCK", b.garage.id]]);
    const audit = await db.auditLog.findMany({ where: { entityId: car.passportId, action: "passport.restocked" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorOrganisationId: b.garage.id, actorUserId: b.user.id, data: expect.objectContaining({ previousGarageId: a.garage.id }) });

    // Garage B's profile: a stock car (the old sale does not make it look sold), and garage A's
    // transfer in the history without the first buyer's name or address.
    const profileB = (await getPassportProfile(b.actor, car.passportId))!;
    expect(profileB).toMatchObject({ inStock: true, pending: null, accepted: null, restockedAt: p.activatedAt, createdBy: null, createdByGarage: a.garage.name, costItems: [] });
    expect(profileB.history).toEqual([expect.objectContaining({ id: sale.transferId, status: "ACCEPTED", from: a.garage.name, own: false, name: null, email: null, confirmedBy: null })]);
    expect(JSON.stringify(profileB)).not.toMatch(/Anna|Eerste|Zeist|Koper wil/);
    expect(JSON.stringify(profileB)).not.toContain(first.email);

    // Garage A's service relationship is over: the passport reads as not found, for reads and writes.
    expect(await getPassportProfile(a.actor, car.passportId)).toBeNull();
    await expectAppError(updatePassport({ actor: a.actor, passportId: car.passportId, status: "SOLD", notes: "" }), "NOT_FOUND");
    await expectAppError(addCostItem({ actor: a.actor, passportId: car.passportId, description: "x", amountCents: 100 }), "NOT_FOUND");
    await expectAppError(confirmTransfer({ actor: a.actor, passportId: car.passportId, name: "X", email: "x@example.test", locale: "nl" }), "NOT_FOUND");
    // The first buyer's spent link stays spent, and shows nothing of the new stock period's costs.
    await expectAppError(acceptTransferByToken({ actor: await actorFor(first.id), token: sale.token }), "GONE", "transfer_used");

    // Garage B sells it on: the fleet account first, then the usual transfer.
    await db.passport.update({ where: { id: car.passportId }, data: { fleetAccountId: null } });
    await addCostItem({ actor: b.actor, passportId: car.passportId, description: "APK", amountCents: 4_950 });
    const second = await createUser();
    const sale2 = await confirmTo(b, car.passportId, second.email, { name: "Bert Tweede" });
    expect(await getTransferByToken(sale.token)).toMatchObject({ state: "accepted", totalCents: 0 });
    expect(await getTransferByToken(sale2.token)).toMatchObject({ state: "valid", totalCents: 4_950 });
    const secondActor = await actorFor(second.id);
    await acceptTransfer({ actor: secondActor, transferId: sale2.transferId });

    const transfers = await db.passportTransfer.findMany({ where: { passportId: car.passportId }, orderBy: { confirmedAt: "asc" } });
    expect(transfers.map((t) => [t.status, t.fromOrganisationId, t.toUserId])).toEqual([
      ["ACCEPTED", a.garage.id, first.id],
      ["ACCEPTED", b.garage.id, second.id],
    ]);
    const after = (await getPassportProfile(b.actor, car.passportId))!;
    expect(after).toMatchObject({ inStock: false, status: "SOLD", accepted: { id: sale2.transferId }, contactName: "Bert Tweede" });
    expect(after.history.map((h) => [h.from, h.name])).toEqual([
      [b.garage.name, "Bert Tweede"],
      [a.garage.name, null],
    ]);
    expect(JSON.stringify(after)).not.toMatch(/Anna|Eerste|Zeist/);

    // The second buyer sees both transfers; neither names the first buyer.
    const view = (await getOwnerPassport(secondActor, car.vehicleId))!;
    expect(view.history).toEqual([
      expect.objectContaining({ from: a.garage.name, to: "privateOwner" }),
      expect.objectContaining({ from: b.garage.name, to: "you" }),
    ]);
    expect(view).toMatchObject({ garage: b.garage.name, createdBy: a.garage.name, totalCents: 4_950, notes: "" });
    expect(JSON.stringify(view)).not.toMatch(/Anna|Eerste|Zeist|Afleverpakket|Koper wil/);
    expect(JSON.stringify(view)).not.toContain(first.email);
    expect(await getOwnerPassport(await actorFor(first.id), car.vehicleId)).toBeNull();
  });

  it("lets the same garage take its own car back, and it sees both of its buyers", async () => {
    const { a, car, sale } = await soldAndTradedIn();
    const r = await restock(a, car);
    expect(r).toMatchObject({ passportId: car.passportId, restocked: true });
    const profile = (await getPassportProfile(a.actor, car.passportId))!;
    expect(profile).toMatchObject({ inStock: true, accepted: null, contactName: null, notes: "" });
    expect(profile.history).toEqual([expect.objectContaining({ id: sale.transferId, own: true, name: "Anna Eerste" })]);
    // The old acceptance does not block a new transfer.
    const next = await confirmTo(a, car.passportId);
    expect(next.recipient).toBe("new");
  });

  it("still refuses a car its owner holds, or that is in stock, with the existing message", async () => {
    const a = await garageStaff();
    const car = await stockPassport(a);
    const buyer = await createUser();
    const { transferId } = await confirmTo(a, car.passportId, buyer.email);
    const b = await garageStaff();
    await expectAppError(restock(b, car), "CONFLICT", "passport_exists");
    await acceptTransfer({ actor: await actorFor(buyer.id), transferId });
    await expectAppError(restock(b, car), "CONFLICT", "passport_exists");
    expect(await db.passport.findUniqueOrThrow({ where: { id: car.passportId } })).toMatchObject({ garageId: a.garage.id, contactEmail: buyer.email });
    expect(await db.auditLog.count({ where: { entityId: car.passportId, action: "passport.restocked" } })).toBe(0);
  });

  it("two garages taking the same car at once: exactly one gets it", async () => {
    for (let round = 0; round < 3; round++) {
      const { car } = await soldAndTradedIn();
      const [b, c] = [await garageStaff(), await garageStaff()];
      // Same plate: the plate lock orders them; a new plate typed by one of them: the passport's row lock does.
      const results = await Promise.allSettled([restock(b, car), restock(c, { ...car, plate: round === 1 ? randomNlPlate() : car.plate })]);
      expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
      expect(settledErrors(results)).toEqual(["CONFLICT:passport_exists"]);
      const stock = await db.holding.findMany({ where: { vehicleId: car.vehicleId, kind: "STOCK", endedAt: null } });
      expect(stock).toHaveLength(1);
      const p = await db.passport.findUniqueOrThrow({ where: { id: car.passportId } });
      expect(p.garageId).toBe(stock[0]!.organisationId);
      expect(await db.auditLog.count({ where: { entityId: car.passportId, action: "passport.restocked" } })).toBe(1);
    }
  });
});
