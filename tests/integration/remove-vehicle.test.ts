import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { getRemovalPreview, getVehicleDossier, listGarage } from "@/lib/vehicles/queries";
import { getOwnerCarHistory } from "@/lib/dossier/queries";
import { renderEmail, type EmailPayloads } from "@/emails";
import { actorFor, outboxFor, uid } from "../factories";
import { expectAppError, ownedVehicle } from "../factories/linking";

/** Snapshot of everything removal would change, to compare before and after a refused removal. */
async function state(car: Awaited<ReturnType<typeof ownedVehicle>>) {
  return {
    holdings: await db.holding.findMany({ where: { vehicleId: car.vehicle.id }, orderBy: { id: "asc" }, select: { id: true, endedAt: true, endReason: true } }),
    contracts: await db.contract.findMany({ where: { vehicleId: car.vehicle.id }, orderBy: { id: "asc" }, select: { id: true, status: true, autoRenew: true, cancelledAt: true } }),
    audit: await db.auditLog.count({ where: { vehicleId: car.vehicle.id } }),
    outbox: (await outboxFor(car.owner.email)).length,
  };
}

describe("removeVehicle", () => {
  it("needs the owner's \"I understand\" in the use case too (VALIDATION; nothing changes)", async () => {
    const car = await ownedVehicle();
    const actor = await actorFor(car.owner.id);
    const before = await state(car);
    const e = await expectAppError(removeVehicle({ actor, vehicleId: car.vehicle.id, understood: false }), "VALIDATION", "confirm_required");
    expect(e.fieldErrors).toEqual({ understood: ["confirm_required"] });
    await expectAppError(removeVehicle({ actor, vehicleId: car.vehicle.id } as Parameters<typeof removeVehicle>[0]), "VALIDATION", "confirm_required");
    expect(await state(car)).toEqual(before);
  });

  it("the confirmation e-mail mentions drivers only when some lost access", async () => {
    const withDriver = await ownedVehicle();
    await removeVehicle({ actor: await actorFor(withDriver.owner.id), vehicleId: withDriver.vehicle.id, understood: true });
    const alone = await ownedVehicle();
    await db.holding.update({ where: { id: alone.driver.id }, data: { endedAt: new Date(), endReason: "DRIVER_ACCESS_ENDED" } });
    await removeVehicle({ actor: await actorFor(alone.owner.id), vehicleId: alone.vehicle.id, understood: true });

    const [a] = await outboxFor(withDriver.owner.email);
    const [b] = await outboxFor(alone.owner.email);
    expect(a!.payload).toMatchObject({ drivers: 1 });
    expect(b!.payload).toMatchObject({ drivers: 0 });
    const text = async (m: typeof a) => (await renderEmail("vehicle-removed", m!.locale, m!.payload as EmailPayloads["vehicle-removed"])).text;
    expect(await text(a)).toMatch(/gemachtigde bestuurder/i);
    expect(await text(b)).not.toMatch(/bestuurder/i);
  });

  it("tells a driver who reads the portal in Belgian Dutch in their language (the language is mapped, not raw)", async () => {
    const car = await ownedVehicle();
    await db.user.update({ where: { id: car.driverUser.id }, data: { locale: "nl_BE" } });
    await removeVehicle({ actor: await actorFor(car.owner.id), vehicleId: car.vehicle.id, understood: true });
    const [mail] = await outboxFor(car.driverUser.email);
    expect(mail).toMatchObject({ template: "driver-access-ended", locale: "nl_BE", payload: { reason: "removed" } });
    expect(await db.message.count({ where: { userId: car.driverUser.id, kind: "driver_access_ended" } })).toBe(1);
  });

  it("ends the holding (REMOVED), cancels every active contract with renewal off, ends the drivers' access, and writes audit and e-mail", async () => {
    const car = await ownedVehicle();
    const actor = await actorFor(car.owner.id);
    const preview = await getRemovalPreview(actor, car.vehicle.id);
    expect(preview?.contracts.map((c) => c.id).sort()).toEqual(car.active.map((c) => c.id).sort());
    expect(preview?.drivers.map((d) => d.id)).toEqual([car.driver.id]);

    expect(await removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true })).toEqual({ contractsCancelled: 2, driversEnded: 1 });

    const holding = await db.holding.findUniqueOrThrow({ where: { id: car.holding.id } });
    expect(holding.endReason).toBe("REMOVED");
    expect(holding.endedAt).not.toBeNull();
    for (const c of car.active) {
      const after = await db.contract.findUniqueOrThrow({ where: { id: c.id } });
      expect(after).toMatchObject({ status: "CANCELLED", autoRenew: false, cancellationReason: "vehicle_removed" });
      expect(after.cancelledAt).not.toBeNull();
    }
    // A contract that had already run out stays as it was.
    expect(await db.contract.findUniqueOrThrow({ where: { id: car.expired.id } })).toMatchObject({ status: "EXPIRED", cancelledAt: null });
    expect(await db.holding.findUniqueOrThrow({ where: { id: car.driver.id } })).toMatchObject({ endReason: "DRIVER_ACCESS_ENDED" });

    const audit = await db.auditLog.findMany({ where: { action: "vehicle.removed", entityId: car.holding.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: car.owner.id, actorRole: "owner", vehicleId: car.vehicle.id, subjectUserId: car.owner.id, data: { contractsCancelled: 2, driversEnded: 1 } });
    const mails = await outboxFor(car.owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "vehicle-removed", payload: { car: "Porsche Macan", vin: car.vehicle.vin, contracts: 2 } });
  });

  it("removing twice is NOT_FOUND vehicle_not_held and writes nothing more", async () => {
    const car = await ownedVehicle();
    const actor = await actorFor(car.owner.id);
    await removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true });
    const after = await state(car);

    await expectAppError(removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true }), "NOT_FOUND", "vehicle_not_held");
    expect(await state(car)).toEqual(after);
  });

  it("another owner's car, or a car one only drives, is NOT_FOUND and nothing changes", async () => {
    const car = await ownedVehicle();
    const mine = await ownedVehicle();
    const before = await state(car);

    await expectAppError(removeVehicle({ actor: await actorFor(mine.owner.id), vehicleId: car.vehicle.id, understood: true }), "NOT_FOUND", "vehicle_not_held");
    await expectAppError(removeVehicle({ actor: await actorFor(car.driverUser.id), vehicleId: car.vehicle.id, understood: true }), "NOT_FOUND", "vehicle_not_held");
    await expectAppError(removeVehicle({ actor: await actorFor(car.owner.id), vehicleId: "no-such-vehicle", understood: true }), "NOT_FOUND", "vehicle_not_held");

    expect(await state(car)).toEqual(before);
    expect(await getRemovalPreview(await actorFor(mine.owner.id), car.vehicle.id)).toBeNull();
    expect(await getVehicleDossier(await actorFor(mine.owner.id), car.vehicle.id)).toBeNull();
  });

  it("from the moment of removal the former owner (and the driver) see nothing of the car, while its service history stays with the car", async () => {
    const car = await ownedVehicle();
    const actor = await actorFor(car.owner.id);
    const driver = await actorFor(car.driverUser.id);
    expect((await getOwnerCarHistory(actor, car.vehicle.id))?.entries.map((s) => s.id)).toEqual([car.service.id]);
    expect(await getVehicleDossier(driver, car.vehicle.id)).not.toBeNull();

    await removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true });

    expect(await getVehicleDossier(actor, car.vehicle.id)).toBeNull();
    expect(await getOwnerCarHistory(actor, car.vehicle.id)).toBeNull();
    expect(await getRemovalPreview(actor, car.vehicle.id)).toBeNull();
    expect((await listGarage(actor)).map((v) => v.id)).not.toContain(car.vehicle.id);
    expect(await getVehicleDossier(driver, car.vehicle.id)).toBeNull();
    expect((await listGarage(driver)).map((v) => v.id)).not.toContain(car.vehicle.id);
    expect(await db.serviceRecord.findMany({ where: { vehicleId: car.vehicle.id }, select: { id: true } })).toEqual([{ id: car.service.id }]);
    expect(await db.vehicle.count({ where: { id: car.vehicle.id } })).toBe(1);
  });

  it("is all or nothing: a failure between cancelling the contracts and ending the holding leaves everything as it was", async () => {
    const car = await ownedVehicle();
    const actor = await actorFor(car.owner.id);
    const before = await state(car);
    // Fault injection in the database, no hook in the code: the update of this owner holding
    // (the last of endOwnerHolding's three updates, after contracts and drivers) fails.
    const name = `test_fail_${uid()}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE UPDATE ON "Holding" FOR EACH ROW WHEN (OLD.id = '${car.holding.id}') EXECUTE FUNCTION ${name}()`);
    try {
      const e = await removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(String(e)).toMatch(/injected failure/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON "Holding"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
    }

    expect(await state(car)).toEqual(before);
    for (const c of car.active) expect(await db.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "ACTIVE", autoRenew: true, cancelledAt: null });
    expect(await db.holding.findUniqueOrThrow({ where: { id: car.driver.id } })).toMatchObject({ endedAt: null, endReason: null });
    expect(await db.holding.findUniqueOrThrow({ where: { id: car.holding.id } })).toMatchObject({ endedAt: null, endReason: null });
    expect(await db.auditLog.count({ where: { action: "vehicle.removed", entityId: car.holding.id } })).toBe(0);
    expect(await outboxFor(car.owner.email)).toHaveLength(0);
    expect(await getVehicleDossier(actor, car.vehicle.id)).not.toBeNull();

    // Without the fault the same removal goes through.
    await removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true });
    expect((await db.holding.findUniqueOrThrow({ where: { id: car.holding.id } })).endReason).toBe("REMOVED");
  });
});
