/**
 * Owner-invited drivers (docs/decisions/0029): the invitation is bound to its address, single use
 * and expiring; a driver reads the dossier but not the owner's contracts or costs and cannot
 * remove the car; drivers leave, owners revoke; every driver and waiting invitation ends when the
 * owner's holding ends (removal, change of owner).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { inviteDriver } from "@/lib/drivers/invite-driver";
import { acceptDriverInvitation, acceptDriverInvitationWithNewAccount } from "@/lib/drivers/accept-driver-invitation";
import { leaveCar, revokeDriver, revokeDriverInvitation } from "@/lib/drivers/end-driver";
import { getDriverInvitationByToken, getDriversPanel } from "@/lib/drivers/queries";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { getVehicleDossier, listGarage } from "@/lib/vehicles/queries";
import { getOwnerCarHistory } from "@/lib/dossier/queries";
import { getOwnerPassport } from "@/lib/passports/queries/owner-passport";
import { renderEmail, type EmailPayloads } from "@/emails";
import type { Actor } from "@/lib/server/authz";
import { actorFor, createUser, outboxFor, PASSWORD, tokenFromPayload, uniqueAddress, uniqueEmail } from "../factories";
import { dealerStaff, deskInput, expectAppError, ownedVehicle, ownerAccount } from "../factories/linking";

/** An owner's car and an invitation to `email`, with its token from the e-mail. */
async function invited(email = uniqueEmail("driver")) {
  const car = await ownedVehicle();
  const owner = await actorFor(car.owner.id);
  const r = await inviteDriver({ actor: owner, vehicleId: car.vehicle.id, email, locale: "nl" });
  const mail = (await outboxFor(email)).at(-1)!;
  expect(mail.template).toBe("driver-invitation");
  return { car, owner, email, invitationId: r.invitationId, token: tokenFromPayload(mail.payload) };
}

/** An invited driver who has an account and accepted. */
async function driving() {
  const i = await invited();
  const user = await createUser({ email: i.email });
  const actor = await actorFor(user.id);
  const { vehicleId } = await acceptDriverInvitation({ actor, token: i.token });
  const holding = await db.holding.findFirstOrThrow({ where: { vehicleId, userId: user.id, kind: "DRIVER", endedAt: null } });
  return { ...i, driver: actor, driverUser: user, holding };
}

const messagesOf = (userId: string) => db.message.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("inviting a driver", () => {
  it("sends a single-use link to the address, stores only its hash, and audits", async () => {
    const i = await invited();
    const inv = await db.driverInvitation.findUniqueOrThrow({ where: { id: i.invitationId } });
    expect(inv).toMatchObject({ email: i.email, status: "PENDING", ownerHoldingId: i.car.holding.id });
    expect(inv.tokenHash).not.toContain(i.token);
    expect(inv.expiresAt.getTime() - inv.createdAt.getTime()).toBe(14 * 24 * 3600_000);
    expect(await db.auditLog.count({ where: { action: "driver.invited", entityId: inv.id, subjectUserId: i.car.owner.id } })).toBe(1);
    const mail = (await outboxFor(i.email))[0]!;
    const text = (await renderEmail("driver-invitation", mail.locale, mail.payload as EmailPayloads["driver-invitation"])).text;
    expect(text).toContain("Porsche Macan");
    expect(text).toContain(`/nl/driver-invitations/${i.token}`);
    expect(await getDriversPanel(i.owner, i.car.vehicle.id)).toMatchObject({ invitations: [{ id: inv.id, email: i.email }] });
  });

  it("only the car's owner may invite: a driver, another owner and staff get NOT_FOUND, nothing is sent", async () => {
    const car = await ownedVehicle();
    const email = uniqueEmail("nobody");
    const driver = await actorFor(car.driverUser.id);
    const other = await actorFor((await ownerAccount()).user.id);
    const dealer = (await dealerStaff()).actor;
    for (const actor of [driver, other, dealer]) {
      await expectAppError(inviteDriver({ actor, vehicleId: car.vehicle.id, email, locale: "nl" }), "NOT_FOUND");
    }
    expect(await outboxFor(email)).toHaveLength(0);
    expect(await db.driverInvitation.count({ where: { email } })).toBe(0);
  });

  it("refuses the owner's own address and someone who already drives the car", async () => {
    const d = await driving();
    await expectAppError(inviteDriver({ actor: d.owner, vehicleId: d.car.vehicle.id, email: d.car.owner.email, locale: "nl" }), "VALIDATION", "driver_is_owner");
    await expectAppError(inviteDriver({ actor: d.owner, vehicleId: d.car.vehicle.id, email: d.email, locale: "nl" }), "CONFLICT", "driver_already");
  });

  it("inviting an address again replaces its waiting invitation: the old link stops working", async () => {
    const i = await invited();
    await inviteDriver({ actor: i.owner, vehicleId: i.car.vehicle.id, email: i.email, locale: "en" });
    const user = await createUser({ email: i.email });
    await expectAppError(acceptDriverInvitation({ actor: await actorFor(user.id), token: i.token }), "GONE", "driver_invitation_revoked");
    const newToken = tokenFromPayload((await outboxFor(i.email)).at(-1)!.payload);
    await acceptDriverInvitation({ actor: await actorFor(user.id), token: newToken });
  });
});

describe("accepting", () => {
  it("makes a DRIVER holding through the owner's holding, leaves the owner a message, and audits", async () => {
    const d = await driving();
    expect(d.holding).toMatchObject({ origin: "INVITATION", viaHoldingId: d.car.holding.id, linkedByOrganisationId: null });
    expect(await db.driverInvitation.findUniqueOrThrow({ where: { id: d.invitationId } })).toMatchObject({ status: "ACCEPTED", driverHoldingId: d.holding.id });
    expect(await db.auditLog.count({ where: { action: "driver.joined", entityId: d.holding.id, subjectUserId: d.driverUser.id } })).toBe(1);
    const [msg] = (await messagesOf(d.car.owner.id)).filter((m) => m.kind === "driver_joined");
    expect(msg).toMatchObject({ vehicleId: d.car.vehicle.id, data: { driver: `${d.driverUser.firstName} ${d.driverUser.lastName}`, car: "Porsche Macan" } });
    const panel = await getDriversPanel(d.owner, d.car.vehicle.id);
    expect(panel?.drivers.map((x) => x.id)).toContain(d.holding.id);
    expect(panel?.invitations).toEqual([]);
  });

  it("is bound to the address: another signed-in account is refused and nothing changes", async () => {
    const i = await invited();
    const stranger = await actorFor((await ownerAccount()).user.id);
    await expectAppError(acceptDriverInvitation({ actor: stranger, token: i.token }), "CONFLICT", "driver_invitation_other_account");
    expect(await db.holding.count({ where: { vehicleId: i.car.vehicle.id, userId: stranger.userId } })).toBe(0);
    expect((await db.driverInvitation.findUniqueOrThrow({ where: { id: i.invitationId } })).status).toBe("PENDING");
  });

  it("is single use, also when two accept at once", async () => {
    const i = await invited();
    const user = await createUser({ email: i.email });
    const actor = await actorFor(user.id);
    const results = await Promise.allSettled([acceptDriverInvitation({ actor, token: i.token }), acceptDriverInvitation({ actor, token: i.token })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.holding.count({ where: { vehicleId: i.car.vehicle.id, userId: user.id, kind: "DRIVER" } })).toBe(1);
    await expectAppError(acceptDriverInvitation({ actor, token: i.token }), "GONE", "driver_invitation_used");
    expect((await getDriverInvitationByToken(i.token)).state).toBe("used");
  });

  it("an expired, an unknown and a withdrawn link are refused", async () => {
    const i = await invited();
    const user = await createUser({ email: i.email });
    const actor = await actorFor(user.id);
    await db.driverInvitation.update({ where: { id: i.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(acceptDriverInvitation({ actor, token: i.token }), "GONE", "driver_invitation_expired");
    expect(await getDriverInvitationByToken(i.token)).toEqual({ state: "expired" });
    await expectAppError(acceptDriverInvitation({ actor, token: `${i.token}x` }), "NOT_FOUND", "driver_invitation_invalid");

    const j = await invited();
    await revokeDriverInvitation({ actor: j.owner, invitationId: j.invitationId });
    const user2 = await createUser({ email: j.email });
    await expectAppError(acceptDriverInvitation({ actor: await actorFor(user2.id), token: j.token }), "GONE", "driver_invitation_revoked");
    expect(await db.auditLog.count({ where: { action: "driver.invitation_revoked", entityId: j.invitationId } })).toBe(1);
  });

  it("a driver without an account makes one with the link (active, the address proved) and drives the car", async () => {
    const i = await invited();
    const r = await acceptDriverInvitationWithNewAccount({ token: i.token, firstName: "Noor", lastName: "Bakker", password: PASSWORD, locale: "en", address: uniqueAddress() });
    expect(r).toEqual({ vehicleId: i.car.vehicle.id, email: i.email });
    const user = await db.user.findUniqueOrThrow({ where: { email: i.email } });
    expect(user).toMatchObject({ status: "ACTIVE", firstName: "Noor" });
    expect(await db.holding.count({ where: { userId: user.id, kind: "DRIVER", endedAt: null, viaHoldingId: i.car.holding.id } })).toBe(1);
    // An active account must sign in instead.
    const j = await invited(i.email);
    await expectAppError(
      acceptDriverInvitationWithNewAccount({ token: j.token, firstName: "X", lastName: "Y", password: PASSWORD, locale: "en", address: uniqueAddress() }),
      "CONFLICT",
      "invitation_sign_in_instead",
    );
  });
});

describe("what a driver sees and may do", () => {
  it("reads the dossier (history, mileage) but not the contracts, and the garage shows no contract", async () => {
    const d = await driving();
    const dossier = await getVehicleDossier(d.driver, d.car.vehicle.id);
    expect(dossier).toMatchObject({ isOwner: false, contracts: [] });
    const record = await getOwnerCarHistory(d.driver, d.car.vehicle.id);
    expect(record?.entries.map((e) => e.id)).toContain(d.car.service.id);
    const garage = await listGarage(d.driver);
    expect(garage.find((v) => v.id === d.car.vehicle.id)).toMatchObject({ relationship: "DRIVER", activeContracts: 0 });
    // The owner's drivers panel is the owner's alone.
    expect(await getDriversPanel(d.driver, d.car.vehicle.id)).toBeNull();
  });

  it("sees no AutoPaspoort costs or notes", async () => {
    const d = await driving();
    const passport = await getOwnerPassport(d.driver, d.car.vehicle.id);
    expect(passport === null || (passport.ownSale === false && passport.costItems.length === 0 && passport.notes === "")).toBe(true);
  });

  it("cannot remove the car, invite, revoke or withdraw", async () => {
    const d = await driving();
    await expectAppError(removeVehicle({ actor: d.driver, vehicleId: d.car.vehicle.id, understood: true }), "NOT_FOUND", "vehicle_not_held");
    await expectAppError(inviteDriver({ actor: d.driver, vehicleId: d.car.vehicle.id, email: uniqueEmail(), locale: "nl" }), "NOT_FOUND");
    await expectAppError(revokeDriver({ actor: d.driver, driverId: d.car.driver.id }), "NOT_FOUND");
    const other = await inviteDriver({ actor: d.owner, vehicleId: d.car.vehicle.id, email: uniqueEmail(), locale: "nl" });
    await expectAppError(revokeDriverInvitation({ actor: d.driver, invitationId: other.invitationId }), "NOT_FOUND");
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.car.holding.id } })).toMatchObject({ endedAt: null });
  });

  it("leaves: the holding ends, the car is gone from the garage, audited; leaving twice is NOT_FOUND", async () => {
    const d = await driving();
    await leaveCar({ actor: d.driver, vehicleId: d.car.vehicle.id });
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.holding.id } })).toMatchObject({ endReason: "DRIVER_ACCESS_ENDED" });
    expect(await getVehicleDossier(d.driver, d.car.vehicle.id)).toBeNull();
    expect((await listGarage(d.driver)).map((v) => v.id)).not.toContain(d.car.vehicle.id);
    expect(await db.auditLog.count({ where: { action: "driver.left", entityId: d.holding.id } })).toBe(1);
    await expectAppError(leaveCar({ actor: d.driver, vehicleId: d.car.vehicle.id }), "NOT_FOUND");
    // The owner cannot "leave" their own car: removal is the owner's way.
    await expectAppError(leaveCar({ actor: d.owner, vehicleId: d.car.vehicle.id }), "NOT_FOUND");
  });
});

describe("the owner revokes", () => {
  it("ends the driver's access, tells them by e-mail and inbox, and audits", async () => {
    const d = await driving();
    await revokeDriver({ actor: d.owner, driverId: d.holding.id });
    expect((await db.holding.findUniqueOrThrow({ where: { id: d.holding.id } })).endedAt).not.toBeNull();
    expect(await getVehicleDossier(d.driver, d.car.vehicle.id)).toBeNull();
    const mail = (await outboxFor(d.email)).at(-1)!;
    expect(mail).toMatchObject({ template: "driver-access-ended", payload: { reason: "revoked", car: "Porsche Macan" } });
    expect((await messagesOf(d.driverUser.id)).map((m) => m.kind)).toEqual(["driver_access_ended"]);
    expect(await db.auditLog.count({ where: { action: "driver.revoked", entityId: d.holding.id, actorUserId: d.car.owner.id } })).toBe(1);
  });

  it("another owner cannot revoke this owner's driver or invitation (NOT_FOUND, nothing changes)", async () => {
    const d = await driving();
    const pending = await inviteDriver({ actor: d.owner, vehicleId: d.car.vehicle.id, email: uniqueEmail(), locale: "nl" });
    const other = await actorFor((await ownerAccount()).user.id);
    const dealer = (await dealerStaff()).actor;
    for (const actor of [other, dealer] as Actor[]) {
      await expectAppError(revokeDriver({ actor, driverId: d.holding.id }), "NOT_FOUND");
      await expectAppError(revokeDriverInvitation({ actor, invitationId: pending.invitationId }), "NOT_FOUND");
    }
    expect((await db.holding.findUniqueOrThrow({ where: { id: d.holding.id } })).endedAt).toBeNull();
    expect((await db.driverInvitation.findUniqueOrThrow({ where: { id: pending.invitationId } })).status).toBe("PENDING");
  });
});

describe("every driver ends with the owner's holding", () => {
  it("at removal: invited and desk-linked drivers end and are told, waiting invitations lapse", async () => {
    const d = await driving();
    const pending = await invited();
    // A second waiting invitation on the same car.
    const waiting = await inviteDriver({ actor: d.owner, vehicleId: d.car.vehicle.id, email: pending.email, locale: "nl" });
    const waitingToken = tokenFromPayload((await outboxFor(pending.email)).at(-1)!.payload);

    expect(await removeVehicle({ actor: d.owner, vehicleId: d.car.vehicle.id, understood: true })).toMatchObject({ driversEnded: 2 });

    for (const id of [d.holding.id, d.car.driver.id]) {
      expect(await db.holding.findUniqueOrThrow({ where: { id } })).toMatchObject({ endReason: "DRIVER_ACCESS_ENDED" });
      expect(await db.auditLog.count({ where: { action: "vehicle.driver_access_ended", entityId: id } })).toBe(1);
    }
    expect(await getVehicleDossier(d.driver, d.car.vehicle.id)).toBeNull();
    expect((await outboxFor(d.email)).at(-1)).toMatchObject({ template: "driver-access-ended", payload: { reason: "removed" } });
    expect((await outboxFor(d.car.driverUser.email)).at(-1)).toMatchObject({ template: "driver-access-ended", payload: { reason: "removed" } });
    expect((await db.driverInvitation.findUniqueOrThrow({ where: { id: waiting.invitationId } })).status).toBe("LAPSED");
    const user = await createUser({ email: pending.email });
    await expectAppError(acceptDriverInvitation({ actor: await actorFor(user.id), token: waitingToken }), "GONE", "driver_invitation_lapsed");
    expect(await getDriverInvitationByToken(waitingToken)).toEqual({ state: "lapsed" });
  });

  it("at a change of owner: the previous owner's drivers end, the new owner inherits none", async () => {
    const d = await driving();
    const waiting = await inviteDriver({ actor: d.owner, vehicleId: d.car.vehicle.id, email: uniqueEmail(), locale: "nl" });
    const dealer = await dealerStaff();
    const buyer = await ownerAccount();
    const name = `${buyer.user.firstName} ${buyer.user.lastName}`;
    await verifyAtDesk(
      deskInput(dealer.actor, dealer.org.id, buyer.user, {
        vin: d.car.vehicle.vin,
        make: "Porsche",
        model: "Macan",
        fullName: name,
        registeredOwnerName: name,
        confirmOwnershipChange: true,
      }),
    );
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.holding.id } })).toMatchObject({ endReason: "DRIVER_ACCESS_ENDED" });
    expect(await getVehicleDossier(d.driver, d.car.vehicle.id)).toBeNull();
    expect((await outboxFor(d.email)).at(-1)).toMatchObject({ template: "driver-access-ended", payload: { reason: "ownership_changed" } });
    expect((await db.driverInvitation.findUniqueOrThrow({ where: { id: waiting.invitationId } })).status).toBe("LAPSED");
    const newOwner = await actorFor(buyer.user.id);
    expect(await getDriversPanel(newOwner, d.car.vehicle.id)).toEqual({ drivers: [], invitations: [] });
  });
});
