/**
 * The car dossier's maintenance record and mileage line (issue 13, points 1 and 2): workshops with
 * a service relationship record entries, owners add their own, corrections never change the
 * original, the mileage verdict, and who reads what (former and next owners, other tenants).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { today } from "@/lib/server/dates";
import type { Actor } from "@/lib/server/authz";
import { recordWorkshopEntry } from "@/lib/dossier/record-workshop-entry";
import { recordOwnerEntry } from "@/lib/dossier/record-owner-entry";
import { findServicedCars, getOwnerCarHistory, getWorkshopCar } from "@/lib/dossier/queries";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { endServiceRelationship } from "@/lib/passports/end-service-relationship";
import { actorFor, createUser, makeVin } from "../factories";
import { dealerStaff, expectAppError, ownerAccount } from "../factories/linking";
import { garageStaff, stockPassport } from "../factories/passports";

const day = (n: number) => new Date(today().getTime() - n * 86_400_000);

/** A car held by a fresh owner, linked by a fresh dealer (its service relationship), no entries yet. */
async function dealerCar() {
  const dealer = await dealerStaff();
  const owner = await ownerAccount();
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "Macan", modelYear: 2024, fuel: "ELECTRIC" } });
  const holding = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.user.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: dealer.org.id } });
  return { dealer, owner, vehicle, holding };
}

const entry = (actor: Actor, vehicleId: string, over: Partial<Parameters<typeof recordWorkshopEntry>[0]> = {}) =>
  recordWorkshopEntry({ actor, vehicleId, kind: "SERVICE", performedOn: day(2), mileageKm: 10_000, description: "Annual service", lines: ["Oil and filter replaced", "Brake fluid"], ...over });

const ownEntry = (actor: Actor, vehicleId: string, over: Partial<Parameters<typeof recordOwnerEntry>[0]> = {}) =>
  recordOwnerEntry({ actor, vehicleId, kind: "TYRES", performedOn: day(1), mileageKm: 10_500, description: "Winter tyres", lines: [], workshopName: "Bandenland", ...over });

describe("a workshop records work; the owner sees it", () => {
  it("the dealer that linked the owner records a service with its lines; the owner reads it with its mileage", async () => {
    const { dealer, owner, vehicle } = await dealerCar();
    const r = await entry(dealer.actor, vehicle.id);
    expect(r.findings).toEqual([]);
    const h = await getOwnerCarHistory(owner.actor, vehicle.id);
    expect(h?.entries).toHaveLength(1);
    expect(h?.entries[0]).toMatchObject({ id: r.entryId, kind: "SERVICE", mileageKm: 10_000, lines: ["Oil and filter replaced", "Brake fluid"], workshop: dealer.org.name, reportedBy: "workshop", correctable: false });
    expect(h?.mileage).toMatchObject({ verdict: "logical", latest: { km: 10_000 } });
    expect((await db.vehicle.findUniqueOrThrow({ where: { id: vehicle.id } })).mileageKm).toBe(10_000);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "service.recorded", entityId: r.entryId } });
    expect(log).toMatchObject({ actorUserId: dealer.user.id, actorOrganisationId: dealer.org.id, actorRole: "dealer:member", vehicleId: vehicle.id });
  });

  it("a garage records work on a car in its stock (its AutoPaspoort) and finds it by plate", async () => {
    const garage = await garageStaff();
    const p = await stockPassport(garage);
    await entry(garage.actor, p.vehicleId, { kind: "INSPECTION", description: "APK" });
    const found = await findServicedCars(garage.actor, p.plate.toLowerCase());
    expect(found.map((c) => c.id)).toEqual([p.vehicleId]);
    const car = await getWorkshopCar(garage.actor, p.vehicleId);
    expect(car?.entries.map((e) => [e.kind, e.correctable])).toEqual([["INSPECTION", true]]);
  });

  it("a lower reading is recorded and makes the verdict not logical, with the reason", async () => {
    const { dealer, owner, vehicle } = await dealerCar();
    await entry(dealer.actor, vehicle.id, { performedOn: day(3), mileageKm: 12_000 });
    const low = await entry(dealer.actor, vehicle.id, { performedOn: day(1), mileageKm: 11_000, kind: "REPAIR", description: "Wipers" });
    expect(low.findings).toEqual(["lower"]);
    const h = await getOwnerCarHistory(owner.actor, vehicle.id);
    expect(h?.mileage.verdict).toBe("illogical");
    expect(h?.mileage.reasons).toEqual([expect.objectContaining({ id: low.entryId, km: 11_000, findings: ["lower"], against: { on: day(3), km: 12_000 } })]);
    // The car's mileage is its latest reading by date, logical or not.
    expect((await db.vehicle.findUniqueOrThrow({ where: { id: vehicle.id } })).mileageKm).toBe(11_000);
  });

  it("a date in the past more than 5 days is late; exactly 5 days is not", async () => {
    const { dealer, vehicle } = await dealerCar();
    expect((await entry(dealer.actor, vehicle.id, { performedOn: day(6), mileageKm: 1_000 })).findings).toEqual(["late"]);
    expect((await entry(dealer.actor, vehicle.id, { performedOn: day(5), mileageKm: 1_500 })).findings).toEqual([]);
  });
});

describe("corrections never change the original", () => {
  it("a correction points at the original, which stays as it was and leaves the mileage line", async () => {
    const { dealer, owner, vehicle } = await dealerCar();
    await entry(dealer.actor, vehicle.id, { performedOn: day(3), mileageKm: 12_000 });
    const typo = await entry(dealer.actor, vehicle.id, { performedOn: day(1), mileageKm: 1_250 });
    expect(typo.findings).toEqual(["lower"]);
    const before = await db.serviceRecord.findUniqueOrThrow({ where: { id: typo.entryId } });
    const fix = await entry(dealer.actor, vehicle.id, { performedOn: day(1), mileageKm: 12_500, correctsId: typo.entryId, correctionReason: "Typed one digit short" });
    expect(fix.findings).toEqual([]);
    expect(await db.serviceRecord.findUniqueOrThrow({ where: { id: typo.entryId } })).toEqual(before);
    const row = await db.serviceRecord.findUniqueOrThrow({ where: { id: fix.entryId } });
    expect(row).toMatchObject({ correctsId: typo.entryId, correctionReason: "Typed one digit short", mileageKm: 12_500 });

    const h = await getOwnerCarHistory(owner.actor, vehicle.id);
    expect(h?.mileage.verdict).toBe("logical");
    expect(h?.mileage.points.map((p) => p.km)).toEqual([12_000, 12_500]);
    const byId = new Map(h?.entries.map((e) => [e.id, e]));
    expect(byId.get(typo.entryId)).toMatchObject({ correctedBy: fix.entryId, mileageKm: 1_250, findings: [] });
    expect(byId.get(fix.entryId)).toMatchObject({ corrects: { id: typo.entryId }, correctionReason: "Typed one digit short" });
    expect(await db.auditLog.count({ where: { action: "service.corrected", entityId: fix.entryId } })).toBe(1);
  });

  it("an entry is corrected once; the correction can be corrected in turn", async () => {
    const { dealer, vehicle } = await dealerCar();
    const a = await entry(dealer.actor, vehicle.id);
    const b = await entry(dealer.actor, vehicle.id, { correctsId: a.entryId, correctionReason: "Wrong kind", kind: "REPAIR" });
    await expectAppError(entry(dealer.actor, vehicle.id, { correctsId: a.entryId, correctionReason: "Again" }), "CONFLICT", "entry_already_corrected");
    await entry(dealer.actor, vehicle.id, { correctsId: b.entryId, correctionReason: "Wrong date", performedOn: day(1) });
  });

  it("two corrections of one entry at once: one is stored, the other refused", async () => {
    const { dealer, vehicle } = await dealerCar();
    const a = await entry(dealer.actor, vehicle.id);
    const results = await Promise.allSettled([1, 2].map((i) => entry(dealer.actor, vehicle.id, { correctsId: a.entryId, correctionReason: `Fix ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.serviceRecord.count({ where: { correctsId: a.entryId } })).toBe(1);
  });

  it("a workshop corrects only its own organisation's entries; an owner only their own", async () => {
    const { dealer, owner, vehicle } = await dealerCar();
    const garage = await garageStaff();
    await db.passport.create({ data: { vehicleId: vehicle.id, garageId: garage.garage.id, createdById: garage.user.id, status: "DELIVERED" } });
    const dealers = await entry(dealer.actor, vehicle.id);
    const owners = await ownEntry(owner.actor, vehicle.id);
    await expectAppError(entry(garage.actor, vehicle.id, { correctsId: dealers.entryId, correctionReason: "x" }), "NOT_FOUND", "entry_not_found");
    await expectAppError(entry(garage.actor, vehicle.id, { correctsId: owners.entryId, correctionReason: "x" }), "NOT_FOUND", "entry_not_found");
    await expectAppError(ownEntry(owner.actor, vehicle.id, { correctsId: dealers.entryId, correctionReason: "x" }), "NOT_FOUND", "entry_not_found");
    // Nor an entry of another car, even one's own.
    const other = await dealerCar();
    const elsewhere = await entry(other.dealer.actor, other.vehicle.id);
    await expectAppError(entry(dealer.actor, vehicle.id, { correctsId: elsewhere.entryId, correctionReason: "x" }), "NOT_FOUND", "entry_not_found");
    expect(await db.serviceRecord.count({ where: { vehicleId: vehicle.id } })).toBe(2);
  });

  it("the database refuses to change or delete an entry, and a correction of another car", async () => {
    const { dealer, vehicle } = await dealerCar();
    const a = await entry(dealer.actor, vehicle.id);
    await expect(db.serviceRecord.update({ where: { id: a.entryId }, data: { mileageKm: 1 } })).rejects.toThrow(/append-only/);
    await expect(db.serviceRecord.delete({ where: { id: a.entryId } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "ServiceRecord" SET "organisationId" = NULL, "description" = 'x' WHERE "id" = $1`, a.entryId)).rejects.toThrow(/append-only/);
    // Refused by the trigger, or first by the foreign key of ServiceAttachment (decision 0030).
    await expect(db.$executeRawUnsafe(`TRUNCATE "ServiceRecord"`)).rejects.toThrow(/append-only|referenced in a foreign key/);
    // The one change let through: the recording account or workshop deleted (ON DELETE SET NULL).
    expect(await db.$executeRawUnsafe(`UPDATE "ServiceRecord" SET "recordedById" = NULL, "organisationId" = NULL WHERE "id" = $1`, a.entryId)).toBe(1);
    const other = await dealerCar();
    await expect(
      db.serviceRecord.create({ data: { vehicleId: other.vehicle.id, kind: "SERVICE", performedAt: day(1), description: "x", correctsId: a.entryId } }),
    ).rejects.toThrow(/same car/);
  });
});

describe("the owner's own entries", () => {
  it("are shown as reported by the owner, to the owner ('you'), their driver and the workshop ('the owner')", async () => {
    const { dealer, owner, vehicle, holding } = await dealerCar();
    const driver = await createUser();
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driver.id, origin: "DEALER_VERIFIED", viaHoldingId: holding.id } });
    const own = await ownEntry(owner.actor, vehicle.id);
    const mine = await getOwnerCarHistory(owner.actor, vehicle.id);
    expect(mine?.entries[0]).toMatchObject({ id: own.entryId, reportedBy: "you", workshop: "Bandenland", correctable: true });
    const driverActor = await actorFor(driver.id);
    expect((await getOwnerCarHistory(driverActor, vehicle.id))?.entries[0]).toMatchObject({ reportedBy: "owner", correctable: false });
    expect((await getWorkshopCar(dealer.actor, vehicle.id))?.entries[0]).toMatchObject({ reportedBy: "owner", workshop: "Bandenland", correctable: false });
    const row = await db.serviceRecord.findUniqueOrThrow({ where: { id: own.entryId } });
    expect(row).toMatchObject({ source: "OWNER", organisationId: null, recordedById: owner.user.id });
    // An authorised driver adds nothing.
    await expectAppError(ownEntry(driverActor, vehicle.id), "NOT_FOUND", "vehicle_not_held");
  });
});

describe("former and next owners", () => {
  it("a former owner reads nothing of the car; the next owner reads its history without the former owner's data", async () => {
    const { dealer, owner, vehicle } = await dealerCar();
    const workshop = await entry(dealer.actor, vehicle.id, { performedOn: day(4), mileageKm: 9_000 });
    const own = await ownEntry(owner.actor, vehicle.id, { performedOn: day(3), mileageKm: 9_100, workshopName: undefined });
    await removeVehicle({ actor: owner.actor, vehicleId: vehicle.id, understood: true });

    const next = await ownerAccount();
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: next.user.id, origin: "SELF_REGISTRATION" } });
    const nextEntry = await ownEntry(next.actor, vehicle.id, { performedOn: day(1), mileageKm: 9_400 });

    // The former owner: not found, for reads and writes.
    expect(await getOwnerCarHistory(owner.actor, vehicle.id)).toBeNull();
    await expectAppError(ownEntry(owner.actor, vehicle.id), "NOT_FOUND", "vehicle_not_held");
    await expectAppError(ownEntry(owner.actor, vehicle.id, { correctsId: own.entryId, correctionReason: "x" }), "NOT_FOUND", "vehicle_not_held");

    // The next owner: the whole history, the former owner's entry as "a previous owner", no personal data.
    const h = await getOwnerCarHistory(next.actor, vehicle.id);
    expect(h?.entries.map((e) => [e.id, e.reportedBy])).toEqual([
      [nextEntry.entryId, "you"],
      [own.entryId, "previousOwner"],
      [workshop.entryId, "workshop"],
    ]);
    const text = JSON.stringify(h);
    for (const secret of [owner.user.id, owner.user.email, owner.user.firstName, owner.user.lastName]) expect(text).not.toContain(secret);
    // The next owner cannot correct the former owner's entry.
    await expectAppError(ownEntry(next.actor, vehicle.id, { correctsId: own.entryId, correctionReason: "x" }), "NOT_FOUND", "entry_not_found");
  });

  it("the dealer who linked the former owner no longer services the car", async () => {
    const { dealer, owner, vehicle } = await dealerCar();
    await removeVehicle({ actor: owner.actor, vehicleId: vehicle.id, understood: true });
    expect(await getWorkshopCar(dealer.actor, vehicle.id)).toBeNull();
    expect(await findServicedCars(dealer.actor, vehicle.vin)).toEqual([]);
    await expectAppError(entry(dealer.actor, vehicle.id), "NOT_FOUND");
  });

  it("a garage whose service relationship the owner ended no longer services the car", async () => {
    const { owner, vehicle } = await dealerCar();
    const garage = await garageStaff();
    await db.passport.create({ data: { vehicleId: vehicle.id, garageId: garage.garage.id, createdById: garage.user.id, status: "DELIVERED" } });
    await entry(garage.actor, vehicle.id);
    await endServiceRelationship({ actor: owner.actor, vehicleId: vehicle.id });
    expect(await getWorkshopCar(garage.actor, vehicle.id)).toBeNull();
    await expectAppError(entry(garage.actor, vehicle.id), "NOT_FOUND");
  });
});

describe("cross-tenant: not found for everyone else", () => {
  it("another workshop, another owner, a fleet and a plain owner get not found for reads and writes", async () => {
    const { dealer, vehicle } = await dealerCar();
    const a = await entry(dealer.actor, vehicle.id);
    const otherDealer = await dealerStaff();
    const otherGarage = await garageStaff();
    const stranger = await ownerAccount();
    const fleetUser = await createUser();
    await db.membership.create({ data: { userId: fleetUser.id, organisationId: otherGarage.fleet.id } });
    const fleet = await actorFor(fleetUser.id);

    for (const staff of [otherDealer.actor, otherGarage.actor]) {
      expect(await getWorkshopCar(staff, vehicle.id)).toBeNull();
      expect(await findServicedCars(staff, vehicle.vin)).toEqual([]);
      await expectAppError(entry(staff, vehicle.id), "NOT_FOUND");
      await expectAppError(entry(staff, vehicle.id, { correctsId: a.entryId, correctionReason: "x" }), "NOT_FOUND");
      // Naming the dealer's organisation does not help.
      await expectAppError(entry(staff, vehicle.id, { organisationId: dealer.org.id }), "NOT_FOUND");
    }
    for (const nobody of [fleet, stranger.actor]) {
      await expectAppError(getWorkshopCar(nobody, vehicle.id), "NOT_FOUND");
      await expectAppError(findServicedCars(nobody, ""), "NOT_FOUND");
      await expectAppError(entry(nobody, vehicle.id), "NOT_FOUND");
    }
    expect(await getOwnerCarHistory(stranger.actor, vehicle.id)).toBeNull();
    await expectAppError(ownEntry(stranger.actor, vehicle.id), "NOT_FOUND", "vehicle_not_held");
    // The dealer's staff are not the car's owner either.
    expect(await getOwnerCarHistory(dealer.actor, vehicle.id)).toBeNull();
    await expectAppError(ownEntry(dealer.actor, vehicle.id), "NOT_FOUND", "vehicle_not_held");
    expect(await db.serviceRecord.count({ where: { vehicleId: vehicle.id } })).toBe(1);
  });
});
