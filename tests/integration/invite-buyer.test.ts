import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { hashToken } from "@/lib/server/tokens";
import { inviteBuyer } from "@/lib/linking/invite-buyer";
import { resendInvitation, revokeInvitation } from "@/lib/linking/manage-invitation";
import { acceptInvitation } from "@/lib/linking/accept-invitation";
import { getInvitationByToken, listInvitations } from "@/lib/linking/queries";
import { InviteInput } from "@/lib/linking/schemas";
import { actorFor, createUser, makeVin, outboxFor, tokenFromPayload, uniqueEmail } from "../factories";
import { dealerStaff, deskInput, expectAppError, invite, ownerAccount } from "../factories/linking";
import { garageStaff, randomNlPlate } from "../factories/passports";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { createPassport } from "@/lib/passports/create-passport";
import { errorMessage } from "@/lib/server/error-message";

const sale = (dealer: Awaited<ReturnType<typeof dealerStaff>>, vin: string, email = uniqueEmail("buyer")) => ({
  actor: dealer.actor,
  organisationId: dealer.org.id,
  vin,
  make: "Porsche",
  model: "Taycan",
  modelYear: 2026,
  fuel: "ELECTRIC" as const,
  plateCountry: "NL" as const,
  email,
  locale: "nl" as const,
  contracts: [{ product: "CONNECT" as const, months: 36, autoRenew: true }],
});

describe("inviteBuyer", () => {
  it("records the sale: a pending invitation with PENDING contracts, an audit entry, and an e-mail whose link carries the raw token (only its hash is stored)", async () => {
    const dealer = await dealerStaff();
    const { invitationId, invitation, token, email, vin, vehicleId } = await invite(dealer, { locale: "en" });

    expect(invitation).toMatchObject({ status: "PENDING", email, organisationId: dealer.org.id, createdById: dealer.user.id, sentCount: 1, locale: "en" });
    expect(invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(invitation)).not.toContain(token);

    const vehicle = await db.vehicle.findUniqueOrThrow({ where: { id: vehicleId } });
    expect(vehicle).toMatchObject({ vin, make: "Porsche", model: "Taycan", modelYear: 2026, fuel: "ELECTRIC" });
    expect(await db.holding.count({ where: { vehicleId } })).toBe(0);

    const contracts = await db.contract.findMany({ where: { invitationId }, orderBy: { product: "asc" } });
    expect(contracts.map((c) => [c.product, c.status, c.durationMonths, c.autoRenew, c.holdingId, c.providerId])).toEqual([
      ["CONNECT", "PENDING", 36, true, null, dealer.org.id],
      ["ROADSIDE", "PENDING", 24, false, null, dealer.org.id],
    ]);

    const mails = await outboxFor(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "invitation", locale: "en", status: "PENDING" });
    const payload = mails[0].payload as Record<string, string>;
    expect(payload.url).toBe(`${process.env.APP_URL}/en/invitations/${token}`);
    expect(payload.dealer).toBe(dealer.org.name);
    expect(tokenFromPayload(payload)).toBe(token);

    expect(await db.auditLog.count({ where: { action: "invitation.created", entityId: invitationId, actorUserId: dealer.user.id, actorOrganisationId: dealer.org.id } })).toBe(1);

    // The link works: the invitation page shows the car and its contracts.
    const shown = await getInvitationByToken(token);
    expect(shown).toMatchObject({ email, state: "sent", dealer: dealer.org.name, car: { make: "Porsche", model: "Taycan", vinEnd: vin.slice(-6) } });
    expect(shown!.contracts).toHaveLength(2);
  });

  it("refuses a car that already has an active owner (CONFLICT vehicle_has_owner_invite), storing nothing", async () => {
    const dealer = await dealerStaff();
    const vin = makeVin();
    const vehicle = await db.vehicle.create({ data: { vin, make: "Porsche", model: "911", modelYear: 2022 } });
    const owner = await createUser();
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.id, origin: "DEALER_VERIFIED" } });
    const email = uniqueEmail("buyer");

    const e = await expectAppError(inviteBuyer(sale(dealer, vin, email)), "CONFLICT", "vehicle_has_owner_invite");
    expect(e.fieldErrors).toEqual({ vin: ["vehicle_has_owner_invite"] });
    expect(await db.invitation.count({ where: { vehicleId: vehicle.id } })).toBe(0);
    expect(await db.contract.count({ where: { vehicleId: vehicle.id } })).toBe(0);
    expect(await outboxFor(email)).toHaveLength(0);
  });

  it("refuses a second pending invitation for the same car (CONFLICT invitation_pending), also from another dealer", async () => {
    const dealer = await dealerStaff();
    const other = await dealerStaff();
    const first = await invite(dealer);
    const email = uniqueEmail("buyer");

    await expectAppError(inviteBuyer(sale(dealer, first.vin, email)), "CONFLICT", "invitation_pending");
    await expectAppError(inviteBuyer(sale(other, first.vin, email)), "CONFLICT", "invitation_pending");
    expect(await db.invitation.count({ where: { vehicleId: first.vehicleId } })).toBe(1);
    expect(await db.contract.count({ where: { vehicleId: first.vehicleId } })).toBe(2);
    expect(await outboxFor(email)).toHaveLength(0);
  });

  it("admits exactly one of two sales of the same new car recorded at once", async () => {
    const dealer = await dealerStaff();
    const vin = makeVin();
    const results = await Promise.allSettled([inviteBuyer(sale(dealer, vin)), inviteBuyer(sale(dealer, vin))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ name: "AppError", code: "CONFLICT" });
    const vehicle = await db.vehicle.findUniqueOrThrow({ where: { vin } });
    expect(await db.invitation.count({ where: { vehicleId: vehicle.id } })).toBe(1);
    expect(await db.contract.count({ where: { vehicleId: vehicle.id } })).toBe(1);
  });

  it("lets an expired pending invitation give way to a new one", async () => {
    const dealer = await dealerStaff();
    const first = await invite(dealer);
    await db.invitation.update({ where: { id: first.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { invitationId } = await inviteBuyer(sale(dealer, first.vin));
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.invitationId } })).status).toBe("REVOKED");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).status).toBe("PENDING");
  });

  it("is refused (NOT_FOUND) for an organisation the actor is not on staff of, and for an owner", async () => {
    const dealer = await dealerStaff();
    const other = await dealerStaff();
    const vin = makeVin();
    await expectAppError(inviteBuyer({ ...sale(other, vin), organisationId: dealer.org.id }), "NOT_FOUND");
    const owner = await actorFor((await createUser()).id);
    await expectAppError(inviteBuyer({ ...sale(dealer, vin), actor: owner }), "NOT_FOUND");
    expect(await db.vehicle.count({ where: { vin } })).toBe(0);
  });
});

describe("resendInvitation and revokeInvitation", () => {
  it("staff of another dealer can neither resend nor revoke, nor list, this dealer's invitation (NOT_FOUND; nothing changes)", async () => {
    const dealer = await dealerStaff();
    const other = await dealerStaff("ADMIN");
    const inv = await invite(dealer);

    await expectAppError(resendInvitation({ actor: other.actor, invitationId: inv.invitationId }), "NOT_FOUND");
    await expectAppError(revokeInvitation({ actor: other.actor, invitationId: inv.invitationId }), "NOT_FOUND");
    // Nor can an owner account, nor a made-up id.
    const owner = await actorFor((await createUser()).id);
    await expectAppError(revokeInvitation({ actor: owner, invitationId: inv.invitationId }), "NOT_FOUND");
    await expectAppError(revokeInvitation({ actor: dealer.actor, invitationId: "no-such-invitation" }), "NOT_FOUND");

    const after = await db.invitation.findUniqueOrThrow({ where: { id: inv.invitationId } });
    expect(after).toMatchObject({ status: "PENDING", sentCount: 1, tokenHash: inv.invitation.tokenHash, revokedAt: null });
    expect(await db.contract.count({ where: { invitationId: inv.invitationId, status: "PENDING" } })).toBe(2);
    expect(await outboxFor(inv.email)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: inv.invitationId, actorUserId: other.user.id } })).toBe(0);

    expect((await listInvitations(other.actor)).items.map((i) => i.id)).not.toContain(inv.invitationId);
    expect((await listInvitations(dealer.actor)).items.map((i) => i.id)).toContain(inv.invitationId);
  });

  it("resend sends a new link and the old one stops working, saying a newer link was sent", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const buyer = await actorFor((await createUser({ email: inv.email })).id);

    await resendInvitation({ actor: dealer.actor, invitationId: inv.invitationId });

    const mails = (await outboxFor(inv.email)).filter((m) => m.template === "invitation");
    expect(mails).toHaveLength(2);
    const newToken = tokenFromPayload(mails[1].payload);
    expect(newToken).not.toBe(inv.token);
    const after = await db.invitation.findUniqueOrThrow({ where: { id: inv.invitationId } });
    expect(after).toMatchObject({ status: "PENDING", sentCount: 2, tokenHash: hashToken(newToken) });
    expect(await db.auditLog.count({ where: { action: "invitation.resent", entityId: inv.invitationId } })).toBe(1);

    // The old link: not "not valid" but "a newer link was sent" (with the newer e-mail's date); it accepts nothing.
    expect(await getInvitationByToken(inv.token)).toMatchObject({ state: "superseded", lastSentAt: after.lastSentAt, dealer: dealer.org.name });
    await expectAppError(acceptInvitation({ actor: buyer, token: inv.token }), "GONE", "invitation_superseded");
    expect(await db.holding.count({ where: { vehicleId: inv.vehicleId } })).toBe(0);
    // A link nobody ever sent is still just not valid.
    expect(await getInvitationByToken(`${inv.token.slice(0, -4)}AAAA`)).toBeNull();

    // Sent a third time: both older links say so.
    await resendInvitation({ actor: dealer.actor, invitationId: inv.invitationId });
    const third = tokenFromPayload((await outboxFor(inv.email)).filter((m) => m.template === "invitation")[2]!.payload);
    expect((await getInvitationByToken(newToken))?.state).toBe("superseded");
    expect((await getInvitationByToken(inv.token))?.state).toBe("superseded");

    expect((await getInvitationByToken(third))?.state).toBe("sent");
    await acceptInvitation({ actor: buyer, token: third });
    expect(await db.holding.count({ where: { vehicleId: inv.vehicleId, userId: buyer.userId, endedAt: null } })).toBe(1);
    // Once accepted, an old link says so rather than pointing at a newer e-mail.
    expect((await getInvitationByToken(inv.token))?.state).toBe("accepted");
  });

  it("revoke cancels the pending contracts and the link stops working; neither can be repeated", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const buyer = await actorFor((await createUser({ email: inv.email })).id);

    await revokeInvitation({ actor: dealer.actor, invitationId: inv.invitationId });

    const after = await db.invitation.findUniqueOrThrow({ where: { id: inv.invitationId } });
    expect(after.status).toBe("REVOKED");
    expect(after.revokedAt).not.toBeNull();
    const contracts = await db.contract.findMany({ where: { invitationId: inv.invitationId } });
    expect(contracts).toHaveLength(2);
    for (const c of contracts) expect(c).toMatchObject({ status: "CANCELLED", autoRenew: false, cancellationReason: "invitation_revoked", holdingId: null });
    expect(await db.auditLog.count({ where: { action: "invitation.revoked", entityId: inv.invitationId } })).toBe(1);

    expect((await getInvitationByToken(inv.token))?.state).toBe("revoked");
    await expectAppError(acceptInvitation({ actor: buyer, token: inv.token }), "GONE", "invitation_revoked");
    await expectAppError(revokeInvitation({ actor: dealer.actor, invitationId: inv.invitationId }), "CONFLICT", "invitation_not_pending");
    await expectAppError(resendInvitation({ actor: dealer.actor, invitationId: inv.invitationId }), "CONFLICT", "invitation_not_pending");
    expect(await db.holding.count({ where: { vehicleId: inv.vehicleId } })).toBe(0);
    expect(await outboxFor(inv.email)).toHaveLength(1);

    // The car can be sold again.
    await invite(dealer, { vin: inv.vin });
  });
});

describe("VIN checks on a recorded sale (the form's input through the schema and the use case)", () => {
  /** What the server action does with the form: parse with the schema, then record the sale. */
  async function recordSale(dealer: Awaited<ReturnType<typeof dealerStaff>>, vin: string) {
    const email = uniqueEmail("vin");
    const parsed = InviteInput.safeParse({ organisationId: dealer.org.id, vin, make: "Volkswagen", model: "Tiguan", modelYear: "2018", email, locale: "nl", include_CONNECT: "on", months_CONNECT: "36", renew_CONNECT: "on" });
    if (!parsed.success) return { ok: false as const, errors: parsed.error.issues.filter((i) => i.path[0] === "vin").map((i) => i.message), email };
    expect(parsed.data.contracts).toEqual([{ product: "CONNECT", months: 36, autoRenew: true }]);
    const r = await inviteBuyer({ ...sale(dealer, parsed.data.vin, email), contracts: parsed.data.contracts });
    return { ok: true as const, ...r, email };
  }

  it.each([
    ["WP0ZZZ99ZTS392124", "WP0ZZZ99ZTS392124"], // European: position 9 is not a check digit
    ["wvgzzz 5nzjm 131395", "WVGZZZ5NZJM131395"], // lower case and spaces, as typed
    ["1hgcm82633a004352", "1HGCM82633A004352"], // North American with a correct check digit
  ])("accepts %j and stores it as %s", async (typed, stored) => {
    const dealer = await dealerStaff();
    const r = await recordSale(dealer, typed);
    expect(r.ok).toBe(true);
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: r.email }, select: { vehicle: { select: { vin: true } } } });
    expect(invitation.vehicle.vin).toBe(stored);
  });

  it.each([
    ["1HGCM82643A004352", "vin_check_digit"], // North American, wrong check digit
    ["WP0ZZZ99ZTS39212O", "vin_forbidden_letters"], // O
    ["WP0ZZZ99ZTS3921I4", "vin_forbidden_letters"], // I
    ["WQ0ZZZ99ZTS392124", "vin_forbidden_letters"], // Q
    ["WP0ZZZ99ZTS39212", "vin_length"], // 16 characters
    ["WP0ZZZ99ZTS3921245", "vin_length"], // 18 characters
    ["", "vin_length"],
    ["WP0ZZZ99ZTS39212*", "vin_characters"],
  ])("refuses %j with %s, storing nothing", async (typed, error) => {
    const dealer = await dealerStaff();
    const r = await recordSale(dealer, typed);
    expect(r).toMatchObject({ ok: false, errors: [error] });
    expect(await db.invitation.count({ where: { organisationId: dealer.org.id } })).toBe(0);
    expect(await outboxFor(r.email)).toEqual([]);
  });
});

describe("a plate on another car", () => {
  const letter = () => "BCDFGHJKLMNPRSTVWXZ"[Math.floor(Math.random() * 19)];
  const bePlate = () => `1-${letter()}${letter()}${letter()}-${100 + Math.floor(Math.random() * 899)}`;

  it("a Dutch plate that is another car's current plate is refused on the plate field, nothing stored", async () => {
    const dealer = await dealerStaff();
    const first = sale(dealer, makeVin());
    await inviteBuyer({ ...first, plate: randomNlPlate() });
    const nlPlate = (await db.licencePlate.findFirstOrThrow({ where: { vehicle: { vin: first.vin } } })).plate;

    const second = sale(dealer, makeVin());
    const err = await expectAppError(inviteBuyer({ ...second, plate: nlPlate }), "CONFLICT", "plate_other_vehicle");
    expect(err.fieldErrors).toEqual({ plate: ["plate_other_vehicle"] });
    expect(await db.vehicle.count({ where: { vin: second.vin } })).toBe(0);
    expect(await db.invitation.count({ where: { email: second.email } })).toBe(0);
    expect(await outboxFor(second.email)).toEqual([]);
  });

  it("an invitation never takes a Belgian plate off another owner's car: refused on the plate field, the owner's car keeps it, with or without a later revocation", async () => {
    const dealer = await dealerStaff();
    // An owner's car with its Belgian plate, linked on documents at the desk.
    const owner = await ownerAccount();
    const typed = bePlate();
    const plate = typed.replace(/-/g, "");
    const owned = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { plate: typed, plateCountry: "BE" }));
    const current = () => db.licencePlate.findMany({ where: { country: "BE", plate, validTo: null }, select: { vehicleId: true } });
    expect(await current()).toEqual([{ vehicleId: owned.vehicleId }]);

    const other = await dealerStaff();
    const newCar = sale(other, makeVin());
    const err = await expectAppError(inviteBuyer({ ...newCar, plateCountry: "BE", plate: typed }), "CONFLICT", "plate_other_vehicle_be");
    expect(err.fieldErrors).toEqual({ plate: ["plate_other_vehicle_be"] });
    expect(errorMessage(err, "en").fieldErrors?.plate).toMatch(/Belgian plate is still on another car/);
    expect(errorMessage(err, "nl").fieldErrors?.plate).toMatch(/Belgische kenteken staat nog op een andere auto/);
    expect(await current()).toEqual([{ vehicleId: owned.vehicleId }]);
    expect(await db.licencePlate.count({ where: { vehicleId: owned.vehicleId, validTo: { not: null } } })).toBe(0);
    expect(await db.vehicle.count({ where: { vin: newCar.vin } })).toBe(0);
    expect(await db.invitation.count({ where: { email: newCar.email } })).toBe(0);
    expect(await outboxFor(newCar.email)).toEqual([]);

    // Without the plate the sale is recorded; revoking it changes nothing about the plate.
    const { invitationId } = await inviteBuyer(newCar);
    await revokeInvitation({ actor: other.actor, invitationId });
    expect(await current()).toEqual([{ vehicleId: owned.vehicleId }]);
    expect(await db.licencePlate.count({ where: { vehicle: { vin: newCar.vin } } })).toBe(0);
  });

  it("a Belgian plate moves to the owner's next car when documents prove it: at the desk, on the registration certificate", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const typed = bePlate();
    const plate = typed.replace(/-/g, "");
    const old = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { plate: typed, plateCountry: "BE" }));
    const next = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { plate: typed, plateCountry: "BE" }));
    const plates = await db.licencePlate.findMany({ where: { country: "BE", plate }, select: { vehicleId: true, validTo: true } });
    expect(plates.find((p) => p.vehicleId === old.vehicleId)?.validTo).not.toBeNull();
    expect(plates.find((p) => p.vehicleId === next.vehicleId)?.validTo).toBeNull();
  });

  it("an AutoPaspoort never moves a Belgian plate either: refused on the plate field, the owner's car keeps it", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const typed = bePlate();
    const owned = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { plate: typed, plateCountry: "BE" }));
    const staff = await garageStaff();
    const vin = makeVin();
    const err = await expectAppError(createPassport({ actor: staff.actor, garageId: staff.garage.id, plate: typed, plateCountry: "BE", vin, make: "Honda", model: "Civic", modelYear: 2019 }), "CONFLICT", "plate_other_vehicle_be");
    expect(err.fieldErrors).toEqual({ plate: ["plate_other_vehicle_be"] });
    expect(await db.licencePlate.findMany({ where: { country: "BE", plate: typed.replace(/-/g, ""), validTo: null }, select: { vehicleId: true } })).toEqual([{ vehicleId: owned.vehicleId }]);
    expect(await db.vehicle.count({ where: { vin } })).toBe(0);
  });
});

describe("the invitation names the recorded car", () => {
  it("a known VIN keeps its make and model, whatever was typed, and the e-mail names them", async () => {
    const dealer = await dealerStaff();
    const first = await invite(dealer);
    await revokeInvitation({ actor: dealer.actor, invitationId: first.invitationId });
    const again = sale(dealer, first.vin);
    await inviteBuyer({ ...again, make: "Opel", model: "Corsa", modelYear: 2011 });
    expect(await db.vehicle.findUniqueOrThrow({ where: { id: first.vehicleId } })).toMatchObject({ make: "Porsche", model: "Taycan", modelYear: 2026 });
    expect((await outboxFor(again.email)).map((m) => (m.payload as { car: string }).car)).toEqual(["Porsche Taycan"]);
  });
});
