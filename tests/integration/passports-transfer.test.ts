import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { hashToken } from "@/lib/server/tokens";
import { hashingStats, verifyPassword } from "@/lib/server/password";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { signUp } from "@/lib/accounts/sign-up";
import { activateAccount } from "@/lib/accounts/activate-account";
import { verifyCredentials } from "@/lib/accounts/verify-credentials";
import { acceptTransfer, acceptTransferByToken, acceptTransferWithNewAccount } from "@/lib/passports/accept-transfer";
import { cancelTransfer } from "@/lib/passports/cancel-transfer";
import { confirmTransfer } from "@/lib/passports/confirm-transfer";
import { correctTransferEmail } from "@/lib/passports/correct-transfer-email";
import { declineTransfer, declineTransferByToken } from "@/lib/passports/decline-transfer";
import { endServiceRelationship } from "@/lib/passports/end-service-relationship";
import { setFleetAccount } from "@/lib/passports/set-fleet-account";
import { updateContactDetails } from "@/lib/passports/update-contact";
import { addCostItem } from "@/lib/passports/add-cost-item";
import { removeCostItem } from "@/lib/passports/remove-cost-item";
import { updatePassport } from "@/lib/passports/update-passport";
import { addMaintenanceItem } from "@/lib/passports/add-maintenance-item";
import { setMaintenanceDone } from "@/lib/passports/set-maintenance-done";
import { getOwnerPassport } from "@/lib/passports/queries/owner-passport";
import { getPassportProfile } from "@/lib/passports/queries/staff-profile";
import { getTransferByToken } from "@/lib/passports/queries/transfer-link";
import { listTransferOffers } from "@/lib/passports/queries/transfer-offers";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { actorFor, createUser, outboxFor, PASSWORD, tokenFromPayload, uniqueAddress, uniqueEmail } from "../factories";
import { confirmTo, expectAppError, garageStaff, stockPassport } from "../factories/passports";

const NEW_PASSWORD = "a-new-buyer-passphrase";

describe("confirming a transfer", () => {
  it("refuses a passport linked to a fleet account until it is unlinked", async () => {
    const staff = await garageStaff();
    const { passportId } = await stockPassport(staff, { fleetAccountId: staff.fleet.id });
    const email = uniqueEmail("buyer");
    await expectAppError(confirmTransfer({ actor: staff.actor, passportId, name: "Bram", email, locale: "nl" }), "CONFLICT", "fleet_linked");
    expect(await db.passportTransfer.count({ where: { passportId } })).toBe(0);
    expect(await db.user.count({ where: { email } })).toBe(0);
    await setFleetAccount({ actor: staff.actor, passportId, fleetAccountId: null });
    const r = await confirmTo(staff, passportId, email);
    expect(r.recipient).toBe("new");
  });

  it("gives an address without an account an INVITED account, an activation e-mail, and the car once the password is set", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    await addCostItem({ actor: staff.actor, passportId, description: "APK", amountCents: 4950 });
    const { email, token, transferId } = await confirmTo(staff, passportId, uniqueEmail("newbuyer"), { locale: "en" });

    const invited = await db.user.findUniqueOrThrow({ where: { email } });
    expect(invited).toMatchObject({ status: "INVITED", passwordHash: null, firstName: "Bram", lastName: "Buyer", locale: "en", street: "Kerkstraat 1" });
    const [mail] = await outboxFor(email);
    expect(mail).toMatchObject({ template: "passport-transfer-new", locale: "en" });
    expect(String((mail!.payload as { url: string }).url)).toMatch(new RegExp(`/en/transfers/${token}$`));
    expect(await db.passportTransfer.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({ status: "PENDING", toUserId: invited.id, tokenHash: hashToken(token) });
    const profile = await getPassportProfile(staff.actor, passportId);
    expect(profile).toMatchObject({ inStock: true, contactEmail: email, contactName: "Bram Buyer", pending: { email, expired: false } });
    expect(await getTransferByToken(token)).toMatchObject({ state: "valid", newAccount: true, totalCents: 4950 });
    expect(await db.auditLog.count({ where: { entityId: transferId, action: "passport.transfer_confirmed", subjectUserId: invited.id } })).toBe(1);

    const r = await acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD });
    expect(r).toEqual({ vehicleId, email });
    const buyer = await db.user.findUniqueOrThrow({ where: { email } });
    expect(buyer.status).toBe("ACTIVE");
    expect(buyer.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(NEW_PASSWORD, buyer.passwordHash)).toBe(true);
    const holdings = await db.holding.findMany({ where: { vehicleId }, orderBy: { startedAt: "asc" } });
    expect(holdings.map((h) => [h.kind, h.endReason, h.origin])).toEqual([
      ["STOCK", "TRANSFERRED", "STOCK"],
      ["OWNER", null, "TRANSFER"],
    ]);
    expect(holdings[1]).toMatchObject({ userId: buyer.id, linkedByOrganisationId: staff.garage.id });
    expect((await db.passportTransfer.findUniqueOrThrow({ where: { id: transferId } })).status).toBe("ACCEPTED");
    expect((await db.passport.findUniqueOrThrow({ where: { id: passportId } })).status).toBe("SOLD");
    expect((await outboxFor(email)).map((m) => m.template)).toEqual(["passport-transfer-new", "passport-transfer-completed"]);
    expect((await outboxFor(staff.user.email)).map((m) => m.template)).toEqual(["passport-transfer-accepted"]);

    // The link is spent; the garage keeps its service relationship and sees the contact details it entered.
    await expectAppError(acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD }), "GONE", "transfer_used");
    expect(await getPassportProfile(staff.actor, passportId)).toMatchObject({ inStock: false, pending: null, contactName: "Bram Buyer", accepted: { email } });
    const buyerView = await getOwnerPassport(await actorFor(buyer.id), vehicleId);
    expect(buyerView).toMatchObject({ garage: staff.garage.name, totalCents: 4950, canEndRelationship: true, history: [{ from: staff.garage.name, to: "you" }] });
  });

  it("notifies an existing account in the portal and by e-mail; accepting makes them the owner", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const buyer = await createUser();
    const buyerActor = await actorFor(buyer.id);
    const { transferId, recipient, token } = await confirmTo(staff, passportId, buyer.email);
    expect(recipient).toBe("existing");
    expect((await outboxFor(buyer.email)).map((m) => m.template)).toEqual(["passport-transfer-offer"]);
    const [message] = await db.message.findMany({ where: { userId: buyer.id } });
    expect(message).toMatchObject({ kind: "transfer_received", vehicleId, readAt: null, data: expect.objectContaining({ transferId }) });
    expect((await listTransferOffers(buyerActor)).map((o) => o.id)).toEqual([transferId]);
    // An existing account signs in rather than setting a password through the link.
    await expectAppError(acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD }), "CONFLICT", "transfer_sign_in_instead");
    // Someone else cannot accept it.
    const stranger = await actorFor((await createUser()).id);
    await expectAppError(acceptTransfer({ actor: stranger, transferId }), "NOT_FOUND", "transfer_invalid");
    await expectAppError(acceptTransferByToken({ actor: stranger, token }), "CONFLICT", "transfer_other_account");

    expect(await acceptTransfer({ actor: buyerActor, transferId })).toEqual({ vehicleId });
    expect(await db.holding.findFirst({ where: { vehicleId, kind: "OWNER", endedAt: null } })).toMatchObject({ userId: buyer.id, origin: "TRANSFER" });
    expect((await db.message.findUniqueOrThrow({ where: { id: message!.id } })).readAt).not.toBeNull();
    expect(await listTransferOffers(buyerActor)).toEqual([]);
  });

  it("declining returns the car to the garage's stock and tells the staff member", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const buyer = await createUser();
    const { transferId } = await confirmTo(staff, passportId, buyer.email);
    await declineTransfer({ actor: await actorFor(buyer.id), transferId });
    expect((await db.passportTransfer.findUniqueOrThrow({ where: { id: transferId } })).status).toBe("DECLINED");
    expect(await db.holding.findMany({ where: { vehicleId, endedAt: null } })).toEqual([expect.objectContaining({ kind: "STOCK", organisationId: staff.garage.id })]);
    expect(await getPassportProfile(staff.actor, passportId)).toMatchObject({ inStock: true, pending: null, contactEmail: null, contactName: null });
    expect((await outboxFor(staff.user.email)).map((m) => m.template)).toEqual(["passport-transfer-declined"]);
    // Back in stock: it can be transferred again.
    expect((await confirmTo(staff, passportId)).recipient).toBe("new");
  });

  it("accepting leaves a status staff saved after the sale (DELIVERED) as it is, and takes the car out of the fleet account", async () => {
    const staff = await garageStaff();
    const { passportId } = await stockPassport(staff);
    const buyer = await createUser();
    const { transferId } = await confirmTo(staff, passportId, buyer.email);
    // Saved by staff between the buyer's reading and the acceptance (as the race test does with SOLD).
    await db.passport.update({ where: { id: passportId }, data: { status: "DELIVERED" } });
    await acceptTransfer({ actor: await actorFor(buyer.id), transferId });
    expect(await db.passport.findUniqueOrThrow({ where: { id: passportId } })).toMatchObject({ status: "DELIVERED", fleetAccountId: null });
  });

  it("declining, or support correcting the address, settles the recipient's notification and no other", async () => {
    const staff = await garageStaff();
    const buyer = await createUser();
    const declined = await confirmTo(staff, (await stockPassport(staff)).passportId, buyer.email);
    const corrected = await confirmTo(staff, (await stockPassport(staff)).passportId, buyer.email);
    const open = await confirmTo(staff, (await stockPassport(staff)).passportId, buyer.email);
    const unread = async () => (await db.message.findMany({ where: { userId: buyer.id, kind: "transfer_received", readAt: null } })).map((m) => (m.data as { transferId: string }).transferId).sort();
    expect(await unread()).toEqual([declined.transferId, corrected.transferId, open.transferId].sort());

    await declineTransfer({ actor: await actorFor(buyer.id), transferId: declined.transferId });
    expect(await unread()).toEqual([corrected.transferId, open.transferId].sort());
    const support = await actorFor((await createUser({ platformRole: "SUPPORT" })).id);
    await correctTransferEmail({ actor: support, transferId: corrected.transferId, email: uniqueEmail("right") });
    expect(await unread()).toEqual([open.transferId]);
  });

  it("lets a buyer without an account decline from the link", async () => {
    const staff = await garageStaff();
    const { passportId } = await stockPassport(staff);
    const { token, transferId } = await confirmTo(staff, passportId);
    await declineTransferByToken({ token });
    expect((await db.passportTransfer.findUniqueOrThrow({ where: { id: transferId } })).status).toBe("DECLINED");
    expect((await getTransferByToken(token))?.state).toBe("declined");
  });
});

describe("after confirmation", () => {
  it("refuses a change of the e-mail address by the garage, but not of the name and address", async () => {
    const staff = await garageStaff();
    const { passportId } = await stockPassport(staff);
    const { email } = await confirmTo(staff, passportId);
    const e = await expectAppError(updateContactDetails({ actor: staff.actor, passportId, name: "Bram Buyer", email: uniqueEmail("other") }), "CONFLICT", "email_locked");
    expect(e.fieldErrors).toEqual({ email: ["email_locked"] });
    // Confirming again, to anyone, is refused while the transfer is pending.
    await expectAppError(confirmTransfer({ actor: staff.actor, passportId, name: "Someone Else", email: uniqueEmail("other"), locale: "nl" }), "CONFLICT", "transfer_pending");
    await updateContactDetails({ actor: staff.actor, passportId, name: "Bram de Koper", city: "Zeist", email });
    const profile = await getPassportProfile(staff.actor, passportId);
    expect(profile).toMatchObject({ contactName: "Bram de Koper", contactCity: "Zeist", contactEmail: email, pending: { email } });
    expect(await db.passportTransfer.count({ where: { passportId } })).toBe(1);
  });

  it("a cancelled transfer's link stops working, and the car stays in stock", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const existing = await createUser();
    const newcomer = await confirmTo(staff, passportId);
    await cancelTransfer({ actor: staff.actor, passportId });
    expect((await getTransferByToken(newcomer.token))?.state).toBe("cancelled");
    await expectAppError(acceptTransferWithNewAccount({ address: uniqueAddress(), token: newcomer.token, password: NEW_PASSWORD }), "GONE", "transfer_cancelled");
    await expectAppError(declineTransferByToken({ token: newcomer.token }), "GONE", "transfer_cancelled");
    await expectAppError(cancelTransfer({ actor: staff.actor, passportId }), "CONFLICT", "transfer_not_pending");

    const second = await confirmTo(staff, passportId, existing.email);
    await cancelTransfer({ actor: staff.actor, passportId });
    const actor = await actorFor(existing.id);
    await expectAppError(acceptTransferByToken({ actor, token: second.token }), "GONE", "transfer_cancelled");
    await expectAppError(acceptTransfer({ actor, transferId: second.transferId }), "GONE", "transfer_cancelled");
    expect(await listTransferOffers(actor)).toEqual([]);
    // The offer's notification is settled; the inbox says the handover was withdrawn.
    expect((await db.message.findMany({ where: { userId: existing.id, readAt: null } })).map((m) => m.kind)).toEqual(["transfer_withdrawn"]);
    expect(await db.holding.findMany({ where: { vehicleId, endedAt: null } })).toEqual([expect.objectContaining({ kind: "STOCK" })]);
    expect(await db.auditLog.count({ where: { vehicleId, action: "passport.transfer_cancelled" } })).toBe(2);
    // Each buyer is told that the offer was withdrawn.
    expect((await outboxFor(newcomer.email)).map((m) => m.template)).toEqual(["passport-transfer-new", "passport-transfer-withdrawn"]);
    expect((await outboxFor(existing.email)).map((m) => m.template)).toEqual(["passport-transfer-offer", "passport-transfer-withdrawn"]);
  });

  it("support corrects a wrong address: the old link is dead, a new e-mail goes to the corrected one", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const wrong = await confirmTo(staff, passportId, uniqueEmail("typo"));
    const support = await actorFor((await createUser({ platformRole: "SUPPORT" })).id);
    const right = uniqueEmail("right");
    // Garage staff cannot use support's correction.
    await expectAppError(correctTransferEmail({ actor: staff.actor, transferId: wrong.transferId, email: right }), "NOT_FOUND");

    const { transferId } = await correctTransferEmail({ actor: support, transferId: wrong.transferId, email: right });
    expect((await db.passportTransfer.findUniqueOrThrow({ where: { id: wrong.transferId } })).status).toBe("SUPERSEDED");
    expect(await getTransferByToken(wrong.token)).toBeNull();
    await expectAppError(acceptTransferWithNewAccount({ address: uniqueAddress(), token: wrong.token, password: NEW_PASSWORD }), "NOT_FOUND", "transfer_invalid");

    const mails = await outboxFor(right);
    expect(mails.map((m) => m.template)).toEqual(["passport-transfer-new"]);
    const token = tokenFromPayload(mails[0]!.payload);
    expect(await db.passportTransfer.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({ status: "PENDING", email: right, name: "Bram Buyer", confirmedById: staff.user.id });
    expect((await getPassportProfile(staff.actor, passportId))?.contactEmail).toBe(right);
    expect(await db.auditLog.count({ where: { entityId: transferId, action: "passport.transfer_corrected", actorRole: "support" } })).toBe(1);
    // Only a pending transfer can be corrected.
    await expectAppError(correctTransferEmail({ actor: support, transferId: wrong.transferId, email: uniqueEmail("x") }), "CONFLICT", "transfer_not_pending");

    await acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD });
    expect(await db.holding.findFirst({ where: { vehicleId, kind: "OWNER", endedAt: null }, select: { user: { select: { email: true } } } })).toEqual({ user: { email: right } });
  });
});

describe("after the sale: the buyer holds the car, the garage keeps a service relationship", () => {
  async function sold() {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const { itemId: costId } = await addCostItem({ actor: staff.actor, passportId, description: "APK", amountCents: 4950 });
    const buyer = await createUser();
    const { transferId } = await confirmTo(staff, passportId, buyer.email);
    // While the transfer is pending the garage still holds the car: everything stays open.
    await updatePassport({ actor: staff.actor, passportId, status: "RESERVED", notes: "" });
    await acceptTransfer({ actor: await actorFor(buyer.id), transferId });
    return { staff, passportId, vehicleId, costId, buyer };
  }

  it("the status cannot go back to in stock or reserved; sold or delivered, with notes, can", async () => {
    const { staff, passportId } = await sold();
    expect((await db.passport.findUniqueOrThrow({ where: { id: passportId } })).status).toBe("SOLD");
    for (const status of ["IN_STOCK", "RESERVED"] as const) {
      const e = await expectAppError(updatePassport({ actor: staff.actor, passportId, status, notes: "terug" }), "CONFLICT", "status_after_sale");
      expect(e.fieldErrors).toEqual({ status: ["status_after_sale"] });
    }
    expect(await db.passport.findUniqueOrThrow({ where: { id: passportId } })).toMatchObject({ status: "SOLD", notes: "" });
    await updatePassport({ actor: staff.actor, passportId, status: "DELIVERED", notes: "Afgeleverd, APK gedaan." });
    expect(await db.passport.findUniqueOrThrow({ where: { id: passportId } })).toMatchObject({ status: "DELIVERED", notes: "Afgeleverd, APK gedaan." });
    expect(await db.auditLog.count({ where: { entityId: passportId, action: "passport.updated", data: { path: ["status"], equals: "IN_STOCK" } } })).toBe(0);
  });

  it("maintenance stays open for the garage's service work; delivery costs, contact details and the fleet account do not", async () => {
    const { staff, passportId, costId, buyer } = await sold();
    const { itemId } = await addMaintenanceItem({ actor: staff.actor, passportId, description: "Grote beurt" });
    await setMaintenanceDone({ actor: staff.actor, passportId, itemId, done: true });
    expect(await db.passportMaintenanceItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ description: "Grote beurt", doneAt: expect.any(Date) });

    await expectAppError(addCostItem({ actor: staff.actor, passportId, description: "Nagekomen", amountCents: 10000 }), "CONFLICT", "costs_after_sale");
    await expectAppError(removeCostItem({ actor: staff.actor, passportId, itemId: costId }), "CONFLICT", "costs_after_sale");
    expect((await db.passportCostItem.findMany({ where: { passportId } })).map((c) => [c.id, c.amountCents])).toEqual([[costId, 4950]]);

    const before = await db.passport.findUniqueOrThrow({ where: { id: passportId } });
    await expectAppError(updateContactDetails({ actor: staff.actor, passportId, name: "Iemand Anders", city: "Elders" }), "CONFLICT", "contact_after_sale");
    await expectAppError(updateContactDetails({ actor: staff.actor, passportId, name: "Bram Buyer", email: uniqueEmail("other") }), "CONFLICT", "contact_after_sale");
    const after = await db.passport.findUniqueOrThrow({ where: { id: passportId } });
    expect([after.contactName, after.contactCity, after.contactEmail]).toEqual([before.contactName, before.contactCity, buyer.email]);
    expect(await db.auditLog.count({ where: { entityId: passportId, action: { in: ["passport.contact_updated", "passport.cost_added", "passport.cost_removed"] } } })).toBe(1);

    await expectAppError(setFleetAccount({ actor: staff.actor, passportId, fleetAccountId: staff.fleet.id }), "CONFLICT", "not_in_stock");
  });
});

describe("tenancy and the service relationship", () => {
  it("another garage's staff can neither see, edit nor transfer the passport", async () => {
    const staff = await garageStaff();
    const other = await garageStaff();
    const { passportId } = await stockPassport(staff);
    expect(await getPassportProfile(other.actor, passportId)).toBeNull();
    await expectAppError(updatePassport({ actor: other.actor, passportId, status: "SOLD", notes: "x" }), "NOT_FOUND");
    await expectAppError(addCostItem({ actor: other.actor, passportId, description: "x", amountCents: 100 }), "NOT_FOUND");
    await expectAppError(setFleetAccount({ actor: other.actor, passportId, fleetAccountId: other.fleet.id }), "NOT_FOUND");
    await expectAppError(confirmTransfer({ actor: other.actor, passportId, name: "x", email: uniqueEmail(), locale: "nl" }), "NOT_FOUND");
    const { itemId: costId } = await addCostItem({ actor: staff.actor, passportId, description: "APK", amountCents: 4950 });
    await expectAppError(removeCostItem({ actor: other.actor, passportId, itemId: costId }), "NOT_FOUND");
    await expectAppError(addMaintenanceItem({ actor: other.actor, passportId, description: "Ondergeschoven onderhoud" }), "NOT_FOUND");
    const { email } = await confirmTo(staff, passportId);
    await expectAppError(cancelTransfer({ actor: other.actor, passportId }), "NOT_FOUND");
    await expectAppError(updateContactDetails({ actor: other.actor, passportId, name: "Iemand Anders", city: "Elders" }), "NOT_FOUND");
    await expectAppError(updateContactDetails({ actor: other.actor, passportId, name: "Iemand Anders", email }), "NOT_FOUND");
    const p = await db.passport.findUniqueOrThrow({ where: { id: passportId }, include: { transfers: true, costItems: true, maintenanceItems: true } });
    expect(p.status).toBe("IN_STOCK");
    expect(p.transfers.map((t) => t.status)).toEqual(["PENDING"]);
    expect(p.costItems.map((c) => c.id)).toEqual([costId]);
    expect(p.maintenanceItems).toEqual([]);
    expect([p.contactName, p.contactCity]).toEqual(["Bram Buyer", "Utrecht"]);
    // Nothing of it reached the audit log under the other garage's staff.
    expect(await db.auditLog.count({ where: { entityId: passportId, actorUserId: other.user.id } })).toBe(0);
  });

  it("the owner ends the service relationship; the garage no longer sees the car", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const buyer = await createUser();
    const actor = await actorFor(buyer.id);
    const { transferId } = await confirmTo(staff, passportId, buyer.email);
    await acceptTransfer({ actor, transferId });
    await expectAppError(endServiceRelationship({ actor: staff.actor, vehicleId }), "NOT_FOUND", "vehicle_not_held");
    await endServiceRelationship({ actor, vehicleId });
    expect(await getPassportProfile(staff.actor, passportId)).toBeNull();
    await expectAppError(updatePassport({ actor: staff.actor, passportId, status: "DELIVERED", notes: "" }), "NOT_FOUND");
    expect(await getOwnerPassport(actor, vehicleId)).toMatchObject({ canEndRelationship: false, relationshipEndedAt: expect.any(Date) });
    await expectAppError(endServiceRelationship({ actor, vehicleId }), "CONFLICT", "relationship_already_ended");
  });

  it("the next owner sees the transfer history without the previous private owner's data", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const first = await createUser();
    const { transferId } = await confirmTo(staff, passportId, first.email, { name: "Private Person" });
    await acceptTransfer({ actor: await actorFor(first.id), transferId });
    await removeVehicle({ actor: await actorFor(first.id), vehicleId, understood: true });
    const next = await createUser({ password: PASSWORD });
    await db.holding.create({ data: { vehicleId, kind: "OWNER", userId: next.id, origin: "DEALER_VERIFIED" } });
    const view = await getOwnerPassport(await actorFor(next.id), vehicleId);
    expect(view?.history).toEqual([expect.objectContaining({ from: staff.garage.name, to: "privateOwner" })]);
    expect(JSON.stringify(view)).not.toMatch(/Private Person|Kerkstraat|@/);
    expect(await getOwnerPassport(await actorFor(first.id), vehicleId)).toBeNull();
  });
});

/**
 * Security review, issue 11: a stranger signing up with the buyer's address could plant a password
 * on the account the transfer made, and hold the car once the buyer activated it.
 */
describe("the buyer's account and a stranger's sign-up", () => {
  const STRANGER = "the-strangers-password";
  const signsIn = (email: string, password: string) =>
    verifyCredentials({ email, password, address: uniqueAddress() }).then(
      () => true,
      (e: unknown) => {
        expect((e as AppError).code).toBe("UNAUTHENTICATED");
        return false;
      },
    );

  it("a sign-up after the transfer changes nothing on the buyer's account; its link makes the buyer choose the password", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const { email, token } = await confirmTo(staff, passportId, uniqueEmail("buyer"));
    const before = await db.user.findUniqueOrThrow({ where: { email } });

    await signUp({ address: uniqueAddress(), email, firstName: "Eve", lastName: "Stranger", password: STRANGER, locale: "en" });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
    expect(await signsIn(email, STRANGER)).toBe(false);

    // The buyer follows the activation e-mail and must choose a password there.
    const activation = (await outboxFor(email)).find((m) => m.template === "activation")!;
    const link = tokenFromPayload(activation.payload);
    await expectAppError(activateAccount({ address: uniqueAddress(), token: link }), "VALIDATION", "password_needed");
    await activateAccount({ address: uniqueAddress(), token: link, password: NEW_PASSWORD });
    expect(await signsIn(email, STRANGER)).toBe(false);
    expect(await signsIn(email, NEW_PASSWORD)).toBe(true);

    // Signed in, the buyer accepts the car; it is theirs.
    const buyer = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await acceptTransferByToken({ actor: await actorFor(buyer.id), token })).toEqual({ vehicleId });
    expect(await db.holding.findFirstOrThrow({ where: { vehicleId, kind: "OWNER", endedAt: null } })).toMatchObject({ userId: buyer.id });
  });

  it("a stranger's sign-up before the transfer: the transfer withdraws its link, and the buyer's own password is the one that works", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const email = uniqueEmail("buyer");
    await signUp({ address: uniqueAddress(), email, firstName: "Eve", lastName: "Stranger", password: STRANGER, locale: "en" });
    const strangersLink = tokenFromPayload((await outboxFor(email)).find((m) => m.template === "activation")!.payload);

    const { token, recipient } = await confirmTo(staff, passportId, email);
    expect(recipient).toBe("new");
    await expectAppError(activateAccount({ address: uniqueAddress(), token: strangersLink }), "GONE", "link_expired");
    expect(await signsIn(email, STRANGER)).toBe(false);

    await acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD });
    expect(await signsIn(email, STRANGER)).toBe(false);
    expect(await signsIn(email, NEW_PASSWORD)).toBe(true);
    const buyer = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.holding.findFirstOrThrow({ where: { vehicleId, kind: "OWNER", endedAt: null } })).toMatchObject({ userId: buyer.id });
  });

  it("accepting with a new password is limited per client address before the link is read or a password hashed", async () => {
    const staff = await garageStaff();
    const { passportId } = await stockPassport(staff);
    const { email, token, transferId } = await confirmTo(staff, passportId, uniqueEmail("buyer"));
    const address = uniqueAddress();
    const start = hashingStats().derivations;
    for (let i = 0; i < env.RATE_LIMIT_FORMS_PER_ADDRESS; i++) {
      await expectAppError(acceptTransferWithNewAccount({ address, token: `unknown-transfer-${i}-${"x".repeat(30)}`, password: NEW_PASSWORD }), "NOT_FOUND", "transfer_invalid");
    }
    await expectAppError(acceptTransferWithNewAccount({ address, token, password: NEW_PASSWORD }), "RATE_LIMITED");
    expect(hashingStats().derivations).toBe(start);
    expect((await db.passportTransfer.findUniqueOrThrow({ where: { id: transferId } })).status).toBe("PENDING");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).status).toBe("INVITED");
    // From another address the buyer gets the car: one hash, their password.
    await acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD });
    expect(hashingStats().derivations).toBe(start + 1);
  });
});
