/**
 * The fleet manager's console (issue 13 point 11, decision 0030): a fleet account's members see
 * its cars read-only and ask the garage to unlink one for a sale; the garage's staff approve
 * (the car leaves the fleet account) or decline with a reason; each step e-mails the other side.
 * Another fleet, another garage and an owner read not found.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { today } from "@/lib/server/dates";
import { getFleetCar, listFleetCars, listUnlinkRequests } from "@/lib/fleet/queries";
import { requestUnlink } from "@/lib/fleet/request-unlink";
import { answerUnlink } from "@/lib/fleet/answer-unlink";
import { confirmTransfer } from "@/lib/passports/confirm-transfer";
import { addCostItem } from "@/lib/passports/add-cost-item";
import { addMaintenanceItem } from "@/lib/passports/add-maintenance-item";
import { recordWorkshopEntry } from "@/lib/dossier/record-workshop-entry";
import { consoleNav } from "@/lib/console/nav";
import { actorFor, createMembership, createUser, outboxFor } from "../factories";
import { expectAppError, ownerAccount } from "../factories/linking";
import { garageStaff, stockPassport, type Staff } from "../factories/passports";
import { samplePdf } from "../factories/verification";

/** A garage with a fleet account, a manager of that fleet, and a stock car linked to the fleet. */
async function fleetWorld() {
  const staff = await garageStaff();
  const managerUser = await createUser();
  await createMembership(managerUser.id, staff.fleet.id);
  const manager = await actorFor(managerUser.id);
  const car = await stockPassport(staff, { fleetAccountId: staff.fleet.id });
  return { staff, manager, managerUser, car };
}

async function otherFleetManager(staff?: Staff) {
  const s = staff ?? (await garageStaff());
  const fleet = staff ? await db.organisation.create({ data: { name: "Second fleet", kind: "FLEET", parentId: s.garage.id } }) : s.fleet;
  const u = await createUser();
  await createMembership(u.id, fleet.id);
  return actorFor(u.id);
}

describe("the fleet manager sees the fleet's cars", () => {
  it("lists the fleet's cars only, with the passport read-only: status, costs, maintenance, history", async () => {
    const { staff, manager, car } = await fleetWorld();
    const notInFleet = await stockPassport(staff);
    await addCostItem({ actor: staff.actor, passportId: car.passportId, description: "Poetsbeurt", amountCents: 12_500 });
    await addMaintenanceItem({ actor: staff.actor, passportId: car.passportId, description: "APK" });
    const e = await recordWorkshopEntry({
      actor: staff.actor,
      vehicleId: car.vehicleId,
      kind: "INSPECTION",
      performedOn: new Date(today().getTime() - 86_400_000),
      mileageKm: 40_000,
      description: "APK",
      lines: [],
      attachment: { bytes: await samplePdf(), name: "apk.pdf" },
    });

    const cars = await listFleetCars(manager);
    expect(cars.map((c) => c.id)).toEqual([car.passportId]);
    expect(cars[0]).toMatchObject({ totalCents: 12_500, openMaintenance: 1, unlinkRequested: false, status: "IN_STOCK" });
    expect(cars.map((c) => c.id)).not.toContain(notInFleet.passportId);

    const view = await getFleetCar(manager, car.passportId);
    expect(view).toMatchObject({ status: "IN_STOCK", totalCents: 12_500 });
    expect(view?.maintenanceItems.map((m) => m.description)).toEqual(["APK"]);
    // The history as a later holder reads it: the entry, never its attachment, nothing correctable.
    expect(view?.history.entries.map((x) => [x.id, x.attachments.length, x.correctable])).toEqual([[e.entryId, 0, false]]);
    // Not the garage's customer profile.
    expect(view).not.toHaveProperty("contactEmail");
    expect(view).not.toHaveProperty("notes");
    expect(await getFleetCar(manager, notInFleet.passportId)).toBeNull();
  });

  it("another fleet (of the same or another garage), the garage's own staff and an owner read not found", async () => {
    const { staff, car } = await fleetWorld();
    const sameGarageOtherFleet = await otherFleetManager(staff);
    const otherGarageFleet = await otherFleetManager();
    for (const actor of [sameGarageOtherFleet, otherGarageFleet]) {
      expect(await listFleetCars(actor)).toEqual([]);
      expect(await getFleetCar(actor, car.passportId)).toBeNull();
      await expectAppError(requestUnlink({ actor, passportId: car.passportId, reason: "sold" }), "NOT_FOUND");
    }
    const owner = (await ownerAccount()).actor;
    for (const actor of [staff.actor, owner]) {
      await expectAppError(listFleetCars(actor), "NOT_FOUND");
      await expectAppError(getFleetCar(actor, car.passportId), "NOT_FOUND");
      await expectAppError(requestUnlink({ actor, passportId: car.passportId, reason: "sold" }), "NOT_FOUND");
    }
  });

  it("the console navigation of a fleet member shows the fleet's cars and nothing they cannot use", async () => {
    const { manager, staff } = await fleetWorld();
    expect(consoleNav(manager).map((i) => i.href)).toEqual(["/console", "/console/fleet", "/garage"]);
    expect(consoleNav(staff.actor).map((i) => i.href)).toContain("/console/unlink-requests");
    expect(consoleNav(staff.actor).map((i) => i.href)).not.toContain("/console/fleet");
  });
});

describe("asking the garage to unlink a car", () => {
  it("the request waits for the garage, which gets an e-mail; a second open request is refused", async () => {
    const { staff, manager, car } = await fleetWorld();
    const r = await requestUnlink({ actor: manager, passportId: car.passportId, reason: "Verkocht aan klant" });
    const row = await db.fleetUnlinkRequest.findUniqueOrThrow({ where: { id: r.requestId } });
    expect(row).toMatchObject({ status: "OPEN", garageId: staff.garage.id, fleetAccountId: staff.fleet.id, reason: "Verkocht aan klant" });
    const mails = (await outboxFor(staff.user.email)).filter((m) => m.template === "fleet-unlink-requested");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ reason: "Verkocht aan klant", plate: expect.any(String) });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "fleet.unlink_requested", entityId: r.requestId } });
    expect(log).toMatchObject({ actorOrganisationId: staff.fleet.id, actorRole: "fleet:member" });
    await expectAppError(requestUnlink({ actor: manager, passportId: car.passportId, reason: "again" }), "CONFLICT", "unlink_request_open");
    expect((await listFleetCars(manager))[0]?.unlinkRequested).toBe(true);
    expect((await listUnlinkRequests(staff.actor)).open.map((x) => x.id)).toEqual([r.requestId]);
  });

  it("two requests at once: one is recorded, the other refused", async () => {
    const { manager, car } = await fleetWorld();
    const results = await Promise.allSettled([1, 2].map(() => requestUnlink({ actor: manager, passportId: car.passportId, reason: "sold" })));
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(await db.fleetUnlinkRequest.count({ where: { passportId: car.passportId, status: "OPEN" } })).toBe(1);
  });

  it("approving unlinks the car (audited), e-mails the manager, and the garage can transfer it", async () => {
    const { staff, manager, managerUser, car } = await fleetWorld();
    const r = await requestUnlink({ actor: manager, passportId: car.passportId, reason: "sold" });
    await expectAppError(confirmTransfer({ actor: staff.actor, passportId: car.passportId, name: "B", street: "S 1", postalCode: "1234 AB", city: "X", email: "b@example.test", locale: "nl" }), "CONFLICT", "fleet_linked");
    expect(await answerUnlink({ actor: staff.actor, requestId: r.requestId, decision: "approve" })).toEqual({ approved: true });
    expect((await db.passport.findUniqueOrThrow({ where: { id: car.passportId } })).fleetAccountId).toBeNull();
    expect(await db.auditLog.count({ where: { action: "passport.fleet_unlinked", entityId: car.passportId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "fleet.unlink_approved", entityId: r.requestId } })).toBe(1);
    const mail = (await outboxFor(managerUser.email)).find((m) => m.template === "fleet-unlink-answered");
    expect(mail?.payload).toMatchObject({ decision: "approved" });
    // The car has left the fleet: the manager no longer sees it.
    expect(await listFleetCars(manager)).toEqual([]);
    expect(await getFleetCar(manager, car.passportId)).toBeNull();
    await confirmTransfer({ actor: staff.actor, passportId: car.passportId, name: "B", street: "S 1", postalCode: "1234 AB", city: "X", email: "b@example.test", locale: "nl" });
    // Answered once only.
    await expectAppError(answerUnlink({ actor: staff.actor, requestId: r.requestId, decision: "decline", declineReason: "no" }), "GONE", "unlink_request_answered");
  });

  it("declining keeps the link, needs no change of the passport, and the manager reads the reason", async () => {
    const { staff, manager, managerUser, car } = await fleetWorld();
    const r = await requestUnlink({ actor: manager, passportId: car.passportId, reason: "sold" });
    await answerUnlink({ actor: staff.actor, requestId: r.requestId, decision: "decline", declineReason: "Lease loopt nog" });
    expect((await db.passport.findUniqueOrThrow({ where: { id: car.passportId } })).fleetAccountId).toBe(staff.fleet.id);
    const view = await getFleetCar(manager, car.passportId);
    expect(view?.openRequest).toBeNull();
    expect(view?.requests[0]).toMatchObject({ status: "DECLINED", declineReason: "Lease loopt nog" });
    const mail = (await outboxFor(managerUser.email)).find((m) => m.template === "fleet-unlink-answered");
    expect(mail?.payload).toMatchObject({ decision: "declined", reason: "Lease loopt nog" });
    // A new request may follow.
    await requestUnlink({ actor: manager, passportId: car.passportId, reason: "sold after all" });
  });

  it("another garage's staff, the fleet manager and an owner cannot answer; another garage does not see the request", async () => {
    const { manager, car } = await fleetWorld();
    const r = await requestUnlink({ actor: manager, passportId: car.passportId, reason: "sold" });
    const other = await garageStaff();
    expect((await listUnlinkRequests(other.actor)).open).toEqual([]);
    await expectAppError(answerUnlink({ actor: other.actor, requestId: r.requestId, decision: "approve" }), "NOT_FOUND");
    await expectAppError(answerUnlink({ actor: manager, requestId: r.requestId, decision: "approve" }), "NOT_FOUND");
    await expectAppError(answerUnlink({ actor: (await ownerAccount()).actor, requestId: r.requestId, decision: "approve" }), "NOT_FOUND");
    await expectAppError(listUnlinkRequests(manager), "NOT_FOUND");
    expect((await db.fleetUnlinkRequest.findUniqueOrThrow({ where: { id: r.requestId } })).status).toBe("OPEN");
  });
});
