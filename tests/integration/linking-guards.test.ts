/**
 * Guards across the linking flows: nobody verifies themselves; a garage's stock car is handed over
 * by its garage, not linked around it; a link is disconnected once; a transfer that does not
 * happen leaves no buyer details on an account nobody activated.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { inviteBuyer } from "@/lib/linking/invite-buyer";
import { disconnectHolding } from "@/lib/linking/disconnect";
import { claimRequest } from "@/lib/verification/claim-request";
import { approveRequest } from "@/lib/verification/approve-request";
import { getReviewRequest, listQueue } from "@/lib/verification/queries";
import { cancelTransfer } from "@/lib/passports/cancel-transfer";
import { correctTransferEmail } from "@/lib/passports/correct-transfer-email";
import { acceptTransferWithNewAccount } from "@/lib/passports/accept-transfer";
import { outboxFor, tokenFromPayload, uniqueAddress, uniqueEmail } from "../factories";
import { dealerStaff, deskInput, expectAppError, ownedVehicle, ownerAccount } from "../factories/linking";
import { facts, submittedRequest, supportUser } from "../factories/verification";
import { confirmTo, garageStaff, stockPassport } from "../factories/passports";

describe("nobody verifies themselves", () => {
  it("a support user's own request is not in their queue and reads as not found to them; a colleague reviews it", async () => {
    const support = await supportUser();
    const colleague = await supportUser();
    const r = await submittedRequest(support);
    expect((await listQueue(support)).open.map((q) => q.id)).not.toContain(r.requestId);
    expect(await getReviewRequest(support, r.requestId)).toBeNull();
    await expectAppError(claimRequest({ actor: support, requestId: r.requestId }), "NOT_FOUND");
    await claimRequest({ actor: colleague, requestId: r.requestId });
    await expectAppError(approveRequest({ actor: support, ...facts(r.requestId, r.vin) }), "NOT_FOUND");
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ status: "IN_REVIEW", claimedById: colleague.userId });
  });

  it("dealer staff cannot link a car to their own account at the desk", async () => {
    const dealer = await dealerStaff();
    const input = deskInput(dealer.actor, dealer.org.id, dealer.user);
    const e = await expectAppError(verifyAtDesk(input), "FORBIDDEN", "own_account");
    expect(e.fieldErrors).toEqual({ ownerEmail: ["own_account"] });
    expect(await db.vehicle.count({ where: { vin: input.vin } })).toBe(0);
    expect(await db.holding.count({ where: { userId: dealer.user.id } })).toBe(0);
  });
});

describe("a garage's stock car is handed over by its garage", () => {
  async function stockCar() {
    const garage = await garageStaff();
    const passport = await stockPassport(garage);
    const vehicle = await db.vehicle.findUniqueOrThrow({ where: { vin: passport.vin }, include: { plates: { where: { validTo: null } } } });
    return { garage, passport, vehicle };
  }
  async function unchanged(car: Awaited<ReturnType<typeof stockCar>>) {
    const holdings = await db.holding.findMany({ where: { vehicleId: car.vehicle.id, endedAt: null } });
    expect(holdings.map((h) => [h.kind, h.organisationId])).toEqual([["STOCK", car.garage.garage.id]]);
    const plates = await db.licencePlate.findMany({ where: { vehicleId: car.vehicle.id, validTo: null } });
    expect(plates.map((p) => p.plate)).toEqual(car.vehicle.plates.map((p) => p.plate));
  }

  it("refuses a dealer's invitation for it, leaving its plate alone", async () => {
    const car = await stockCar();
    const dealer = await dealerStaff();
    const e = await expectAppError(
      inviteBuyer({ actor: dealer.actor, organisationId: dealer.org.id, vin: car.passport.vin, make: "Honda", model: "Civic", modelYear: 2019, fuel: "PETROL", plate: "GZ-231-K", plateCountry: "NL", email: uniqueEmail("buyer"), locale: "nl", contracts: [] }),
      "CONFLICT",
      "vehicle_in_stock",
    );
    expect(e.fieldErrors).toEqual({ vin: ["vehicle_in_stock"] });
    expect(await db.invitation.count({ where: { vehicleId: car.vehicle.id } })).toBe(0);
    await unchanged(car);
  });

  it("refuses to link it at a dealer's desk", async () => {
    const car = await stockCar();
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    await expectAppError(verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { vin: car.passport.vin, plate: "GZ-231-K" })), "CONFLICT", "vehicle_in_stock");
    await unchanged(car);
  });

  it("refuses a self-registration request for it, with the same message, and stores no request", async () => {
    const car = await stockCar();
    const owner = await ownerAccount();
    const e = await expectAppError(submittedRequest(owner.actor, { vin: car.passport.vin }), "CONFLICT", "vehicle_in_stock");
    expect(e.fieldErrors).toEqual({ vin: ["vehicle_in_stock"] });
    expect(await db.verificationRequest.count({ where: { vin: car.passport.vin } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "verification.submitted", subjectUserId: owner.user.id } })).toBe(0);
    await unchanged(car);
  });

  it("refuses to approve a self-registration for it (a request sent before the car came into stock)", async () => {
    const owner = await ownerAccount();
    const support = await supportUser();
    const r = await submittedRequest(owner.actor);
    const garage = await garageStaff();
    const passport = await stockPassport(garage, { vin: r.vin });
    const car = { garage, passport, vehicle: await db.vehicle.findUniqueOrThrow({ where: { vin: r.vin }, include: { plates: { where: { validTo: null } } } }) };
    await claimRequest({ actor: support, requestId: r.requestId });
    await expectAppError(approveRequest({ actor: support, ...facts(r.requestId, r.vin) }), "CONFLICT", "vehicle_in_stock");
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ status: "IN_REVIEW" });
    await unchanged(car);
  });
});

describe("disconnecting a link", () => {
  it("happens once, even when sent twice at the same moment", async () => {
    const dealer = await dealerStaff();
    const { holding } = await ownedVehicle({ linkedByOrganisationId: dealer.org.id });
    const results = await Promise.allSettled([disconnectHolding({ actor: dealer.actor, holdingId: holding.id }), disconnectHolding({ actor: dealer.actor, holdingId: holding.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "vehicle.disconnected", entityId: holding.id } })).toBe(1);
  });
});

describe("a transfer that does not happen", () => {
  const buyerDetails = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { firstName: true, lastName: true, street: true, postalCode: true, city: true, status: true } });

  it("leaves nothing of the buyer on the mistyped address's account after support's correction; the right account gets the details on activation", async () => {
    const garage = await garageStaff();
    const { passportId } = await stockPassport(garage);
    const wrong = await confirmTo(garage, passportId, uniqueEmail("typo"), { name: "Bram Buyer", street: "Kerkstraat 1", postalCode: "3511 AB", city: "Utrecht" });
    const wrongUser = await db.user.findUniqueOrThrow({ where: { email: wrong.email } });
    expect(await buyerDetails(wrongUser.id)).toMatchObject({ firstName: "Bram", lastName: "Buyer", city: "Utrecht", status: "INVITED" });

    const support = await supportUser();
    const right = uniqueEmail("right");
    await correctTransferEmail({ actor: support, transferId: wrong.transferId, email: right });
    expect(await buyerDetails(wrongUser.id)).toEqual({ firstName: "", lastName: "", street: null, postalCode: null, city: null, status: "INVITED" });

    const mails = await outboxFor(right);
    const token = tokenFromPayload(mails[mails.length - 1]!.payload);
    const rightUser = await db.user.findUniqueOrThrow({ where: { email: right } });
    // Someone else's name lingering on an invited account is replaced by this transfer's on activation.
    await db.user.update({ where: { id: rightUser.id }, data: { firstName: "Stale", lastName: "Name" } });
    await acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: "a-new-buyer-passphrase" });
    expect(await buyerDetails(rightUser.id)).toMatchObject({ firstName: "Bram", lastName: "Buyer", street: "Kerkstraat 1", postalCode: "3511 AB", city: "Utrecht", status: "ACTIVE" });
  });

  it("clears the details of an invited account when the garage withdraws, but never touches an active account", async () => {
    const garage = await garageStaff();
    const { passportId } = await stockPassport(garage);
    const invited = await confirmTo(garage, passportId, uniqueEmail("new"), { name: "Nina Nieuw" });
    const invitedUser = await db.user.findUniqueOrThrow({ where: { email: invited.email } });
    await cancelTransfer({ actor: garage.actor, passportId });
    expect(await buyerDetails(invitedUser.id)).toMatchObject({ firstName: "", lastName: "", status: "INVITED" });

    const existing = await ownerAccount();
    await confirmTo(garage, passportId, existing.user.email, { name: `${existing.user.firstName} ${existing.user.lastName}` });
    await cancelTransfer({ actor: garage.actor, passportId });
    expect(await buyerDetails(existing.user.id)).toMatchObject({ firstName: existing.user.firstName, lastName: existing.user.lastName, status: "ACTIVE" });
  });
});
