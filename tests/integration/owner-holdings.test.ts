/**
 * The rules every linking flow shares (lib/holdings/holdings.ts): an owner holding that starts
 * ends the authorised drivers no active owner stands behind, on every path; an owner holding that
 * ends (removal, change of owner) ends a garage's service relationship with the car.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { acceptInvitation } from "@/lib/linking/accept-invitation";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { acceptTransferByToken } from "@/lib/passports/accept-transfer";
import { getOwnerPassport } from "@/lib/passports/queries/owner-passport";
import { getPassportProfile } from "@/lib/passports/queries/staff-profile";
import { claimRequest } from "@/lib/verification/claim-request";
import { approveRequest } from "@/lib/verification/approve-request";
import { getVehicleDossier } from "@/lib/vehicles/queries";
import { actorFor, createUser, makeVin } from "../factories";
import { dealerStaff, deskInput, invite, ownerAccount } from "../factories/linking";
import { facts, ownerActor, submittedRequest, supportUser } from "../factories/verification";
import { confirmTo, garageStaff, stockPassport } from "../factories/passports";

/** An authorised driver linked at the desk while the car has no owner (a lease car): no owner holding behind them. */
async function leaseDriver(vin: string) {
  const dealer = await dealerStaff();
  const driver = await ownerAccount();
  const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, driver.user, { vin, relationship: "DRIVER", authorisationSeen: true, registeredOwnerName: "Lease BV" }));
  expect(await db.holding.findUniqueOrThrow({ where: { id: r.holdingId } })).toMatchObject({ kind: "DRIVER", viaHoldingId: null, endedAt: null });
  return { driver, holdingId: r.holdingId, vehicleId: r.vehicleId };
}

async function expectEndedByNewOwner(d: Awaited<ReturnType<typeof leaseDriver>>, ownerHoldingId: string, actorUserId: string | null) {
  expect(await db.holding.findUniqueOrThrow({ where: { id: d.holdingId } })).toMatchObject({ endReason: "OWNERSHIP_CHANGED", endedAt: expect.any(Date) });
  const entries = await db.auditLog.findMany({ where: { action: "vehicle.driver_access_ended", entityId: d.holdingId } });
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ actorUserId, vehicleId: d.vehicleId, subjectUserId: d.driver.user.id, data: { reason: "OWNERSHIP_CHANGED", ownerHoldingId } });
  expect(await getVehicleDossier(d.driver.actor, d.vehicleId)).toBeNull();
}

describe("a new owner holding ends the authorised drivers no owner stands behind", () => {
  it("at the desk: the lease driver's access ends, the owner's own drivers start afresh, and the owner's removal later changes nothing for them", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const vin = deskInput(dealer.actor, dealer.org.id, owner.user).vin;
    const lease = await leaseDriver(vin);

    const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { vin }));
    await expectEndedByNewOwner(lease, r.holdingId, dealer.user.id);
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "vehicle.driver_access_ended", entityId: lease.holdingId } })).actorOrganisationId).toBe(dealer.org.id);
    expect((await getVehicleDossier(owner.actor, r.vehicleId))?.drivers).toEqual([]);

    // A driver through this owner is untouched by their own link and ends with the owner's removal.
    const own = await ownerAccount();
    const d = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, own.user, { vin, relationship: "DRIVER", authorisationSeen: true }));
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.holdingId } })).toMatchObject({ viaHoldingId: r.holdingId, endedAt: null });
    await removeVehicle({ actor: owner.actor, vehicleId: r.vehicleId, understood: true });
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.holdingId } })).toMatchObject({ endReason: "DRIVER_ACCESS_ENDED" });
    expect(await db.holding.count({ where: { vehicleId: r.vehicleId, endedAt: null } })).toBe(0);
  });

  it("on accepting an invitation", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const lease = await leaseDriver(inv.vin);
    const buyer = await actorFor((await createUser({ email: inv.email })).id);
    await acceptInvitation({ actor: buyer, token: inv.token });
    const holding = await db.holding.findFirstOrThrow({ where: { vehicleId: inv.vehicleId, kind: "OWNER", endedAt: null } });
    await expectEndedByNewOwner(lease, holding.id, buyer.userId);
  });

  it("on approving a self-registration as owner (but not as another driver)", async () => {
    const support = await supportUser();
    const requester = await ownerActor();
    const vin = makeVin();
    const lease = await leaseDriver(vin);

    // Another authorised driver of the lease car: the first keeps access.
    const second = await ownerActor();
    const rd = await submittedRequest(second, { vin, relationship: "DRIVER" });
    await claimRequest({ actor: support, requestId: rd.requestId });
    await approveRequest({ actor: support, ...facts(rd.requestId, vin) });
    expect(await db.holding.findUniqueOrThrow({ where: { id: lease.holdingId } })).toMatchObject({ endedAt: null });

    const r = await submittedRequest(requester, { vin });
    await claimRequest({ actor: support, requestId: r.requestId });
    const result = await approveRequest({ actor: support, ...facts(r.requestId, vin) });
    await expectEndedByNewOwner(lease, result.holdingId!, support.userId);
    expect(await db.holding.findFirstOrThrow({ where: { vehicleId: result.vehicleId, userId: second.userId } })).toMatchObject({ endReason: "OWNERSHIP_CHANGED" });
  });

  it("on accepting an AutoPaspoort transfer", async () => {
    const garage = await garageStaff();
    const passport = await stockPassport(garage);
    // A stock car gets no driver at the desk; say one was left from before the car came into stock.
    const driver = await ownerAccount();
    const orphan = await db.holding.create({ data: { vehicleId: passport.vehicleId, kind: "DRIVER", userId: driver.user.id, origin: "DEALER_VERIFIED" } });
    const buyer = await ownerAccount();
    const { token } = await confirmTo(garage, passport.passportId, buyer.user.email);
    await acceptTransferByToken({ actor: buyer.actor, token });
    const holding = await db.holding.findFirstOrThrow({ where: { vehicleId: passport.vehicleId, kind: "OWNER", endedAt: null } });
    await expectEndedByNewOwner({ driver, holdingId: orphan.id, vehicleId: passport.vehicleId }, holding.id, buyer.user.id);
  });
});

describe("an owner holding that ends ends the garage's service relationship", () => {
  async function transferredCar() {
    const garage = await garageStaff();
    const passport = await stockPassport(garage);
    const buyer = await ownerAccount();
    const { token } = await confirmTo(garage, passport.passportId, buyer.user.email);
    await acceptTransferByToken({ actor: buyer.actor, token });
    expect(await getPassportProfile(garage.actor, passport.passportId)).not.toBeNull();
    return { garage, passport, buyer };
  }

  it("on removal, in the same transaction: the garage no longer sees the car", async () => {
    const { garage, passport, buyer } = await transferredCar();
    const before = Date.now();
    await removeVehicle({ actor: buyer.actor, vehicleId: passport.vehicleId, understood: true });
    const p = await db.passport.findUniqueOrThrow({ where: { id: passport.passportId } });
    expect(p.serviceRelationshipEndedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const holding = await db.holding.findFirstOrThrow({ where: { vehicleId: passport.vehicleId, kind: "OWNER" } });
    expect(p.serviceRelationshipEndedAt).toEqual(holding.endedAt);
    expect(await getPassportProfile(garage.actor, passport.passportId)).toBeNull();
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "vehicle.removed", entityId: holding.id } })).data).toMatchObject({ serviceRelationshipEnded: true });
  });

  it("on a change of owner at the desk: the next owner's records are not the garage's to see", async () => {
    const { garage, passport, buyer } = await transferredCar();
    const dealer = await dealerStaff();
    const next = await ownerAccount();
    const name = `${next.user.firstName} ${next.user.lastName}`;
    await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, next.user, { vin: passport.vin, fullName: name, registeredOwnerName: name, confirmOwnershipChange: true }));
    expect((await db.passport.findUniqueOrThrow({ where: { id: passport.passportId } })).serviceRelationshipEndedAt).not.toBeNull();
    expect(await getPassportProfile(garage.actor, passport.passportId)).toBeNull();
    expect(await getOwnerPassport(next.actor, passport.vehicleId)).toMatchObject({ canEndRelationship: false });
    expect(await getOwnerPassport(buyer.actor, passport.vehicleId)).toBeNull();
  });

  it("leaves a car without a passport alone", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user));
    await removeVehicle({ actor: owner.actor, vehicleId: r.vehicleId, understood: true });
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "vehicle.removed", entityId: r.holdingId } })).data).toMatchObject({ serviceRelationshipEnded: false });
  });
});
