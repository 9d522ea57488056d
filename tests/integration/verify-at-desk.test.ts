import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { calendarDate, today } from "@/lib/server/dates";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { disconnectHolding } from "@/lib/linking/disconnect";
import { DeskVerificationInput } from "@/lib/linking/schemas";
import { getVehicleDossier, listGarage } from "@/lib/vehicles/queries";
import { getOwnerCarHistory } from "@/lib/dossier/queries";
import { renderEmail, type EmailPayloads } from "@/emails";
import { errorMessage } from "@/lib/server/error-message";
import { lookupVehicle } from "@/lib/linking/queries";
import { actorFor, makeVin, outboxFor } from "../factories";
import { dealerStaff, deskInput, expectAppError, ownedVehicle, ownerAccount } from "../factories/linking";

describe("verifyAtDesk", () => {
  it("links the car keeping only the verified facts (no document), and queues an e-mail to the owner", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount({ locale: "en" });
    const input = deskInput(dealer.actor, dealer.org.id, owner.user, { plate: "gz-231-k" });

    const r = await verifyAtDesk(input);

    expect(r.ownershipChanged).toBe(false);
    const holding = await db.holding.findUniqueOrThrow({ where: { id: r.holdingId } });
    expect(holding).toMatchObject({ vehicleId: r.vehicleId, kind: "OWNER", userId: owner.user.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: dealer.org.id, endedAt: null });
    const vehicle = await db.vehicle.findUniqueOrThrow({ where: { id: r.vehicleId }, include: { plates: true } });
    expect(vehicle).toMatchObject({ vin: input.vin, make: "Porsche", model: "Cayenne", modelYear: 2023, fuel: "HYBRID" });
    expect(vehicle.plates.map((p) => [p.plate, p.country, p.validTo])).toEqual([["GZ231K", "NL", null]]);

    const facts = await db.verifiedFacts.findMany({ where: { holdingId: r.holdingId } });
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      requestId: null,
      verifiedById: dealer.user.id,
      organisationId: dealer.org.id,
      idDocumentType: "DRIVING_LICENCE",
      fullName: `${owner.user.firstName} ${owner.user.lastName}`,
      placeOfBirth: "Zwolle",
      address: "Kerkstraat 1, 8011 AA Zwolle",
      vin: input.vin,
      registeredOwnerName: `${owner.user.firstName} ${owner.user.lastName}`,
      registeredOwnerAddress: "Kerkstraat 1, 8011 AA Zwolle",
    });
    expect(facts[0].plate?.replace(/-/g, "").toUpperCase()).toBe("GZ231K");
    expect(facts[0].dateOfBirth.toISOString().slice(0, 10)).toBe("1985-04-12");
    expect(facts[0].documentValidUntil.toISOString().slice(0, 10)).toBe(input.documentValidUntil.toISOString().slice(0, 10));
    // No copy of a document: no verification request, no document row for this car or owner.
    expect(await db.verificationRequest.count({ where: { OR: [{ vehicleId: r.vehicleId }, { requesterId: owner.user.id }, { vin: input.vin }] } })).toBe(0);
    expect(await db.verificationDocument.count({ where: { request: { OR: [{ vehicleId: r.vehicleId }, { requesterId: owner.user.id }] } } })).toBe(0);

    const mails = await outboxFor(owner.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "vehicle-linked-desk", locale: "en" });
    expect(mails[0].payload).toMatchObject({ dealer: dealer.org.name, car: "Porsche Cayenne", url: `${process.env.APP_URL}/en/garage/vehicles/${r.vehicleId}` });
    expect(await db.auditLog.count({ where: { action: "vehicle.linked", entityId: r.holdingId, subjectUserId: owner.user.id, actorOrganisationId: dealer.org.id } })).toBe(1);

    expect((await listGarage(owner.actor)).map((v) => v.id)).toEqual([r.vehicleId]);
    // Linking the same owner again is refused.
    await expectAppError(verifyAtDesk(input), "CONFLICT", "already_linked");
  });

  it("refuses an ID document past its validity (VALIDATION id_expired) and stores nothing", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const now = new Date();
    const yesterday = new Date(today(now).getTime() - 24 * 3600_000);
    const input = { ...deskInput(dealer.actor, dealer.org.id, owner.user, { documentValidUntil: yesterday }), today: now };

    const e = await expectAppError(verifyAtDesk(input), "VALIDATION", "id_expired");
    expect(e.fieldErrors).toEqual({ documentValidUntil: ["id_expired"] });

    expect(await db.vehicle.count({ where: { vin: input.vin } })).toBe(0);
    expect(await db.holding.count({ where: { userId: owner.user.id } })).toBe(0);
    expect(await db.verifiedFacts.count({ where: { vin: input.vin } })).toBe(0);
    expect(await outboxFor(owner.user.email)).toHaveLength(0);

    // A document valid until today is still valid.
    await verifyAtDesk({ ...input, documentValidUntil: today(now) });
    expect(await db.holding.count({ where: { userId: owner.user.id, endedAt: null } })).toBe(1);
  });

  it.each([
    ["winter (UTC+1)", "2026-01-15T23:30:00Z", "2026-01-15", "2026-01-16"],
    ["summer (UTC+2)", "2026-07-15T22:30:00Z", "2026-07-15", "2026-07-16"],
  ])("judges the document by the day in Amsterdam: at 00:30 there in %s, the UTC date has passed", async (_season, instant, utcDate, amsterdamDate) => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const now = new Date(instant);
    const input = { ...deskInput(dealer.actor, dealer.org.id, owner.user), today: now };

    const e = await expectAppError(verifyAtDesk({ ...input, documentValidUntil: calendarDate(utcDate) }), "VALIDATION", "id_expired");
    expect(e.fieldErrors).toEqual({ documentValidUntil: ["id_expired"] });
    expect(await db.holding.count({ where: { userId: owner.user.id } })).toBe(0);

    await verifyAtDesk({ ...input, documentValidUntil: calendarDate(amsterdamDate) });
    expect(await db.holding.count({ where: { userId: owner.user.id, endedAt: null } })).toBe(1);
  });

  it("an unknown or inactive owner account is refused (VALIDATION owner_not_found)", async () => {
    const dealer = await dealerStaff();
    const input = deskInput(dealer.actor, dealer.org.id, "nobody-here@example.test");
    await expectAppError(verifyAtDesk(input), "VALIDATION", "owner_not_found");
    expect(await db.vehicle.count({ where: { vin: input.vin } })).toBe(0);
  });

  it("is refused (NOT_FOUND) to staff acting for a dealer they are not on staff of", async () => {
    const dealer = await dealerStaff();
    const other = await dealerStaff();
    const owner = await ownerAccount();
    const input = deskInput(other.actor, dealer.org.id, owner.user);
    await expectAppError(verifyAtDesk(input), "NOT_FOUND");
    await expectAppError(verifyAtDesk({ ...input, actor: owner.actor }), "NOT_FOUND");
    expect(await db.vehicle.count({ where: { vin: input.vin } })).toBe(0);
  });

  it("a car on a previous owner's account needs explicit confirmation (CONFLICT, nothing changes)", async () => {
    const dealer = await dealerStaff();
    const previous = await ownedVehicle();
    const buyer = await ownerAccount();
    const input = deskInput(dealer.actor, dealer.org.id, buyer.user, { vin: previous.vehicle.vin, make: "Porsche", model: "Macan" });

    const e = await expectAppError(verifyAtDesk(input), "CONFLICT", "ownership_change_needs_confirmation");
    expect(e.fieldErrors).toEqual({ confirmOwnershipChange: ["ownership_change_needs_confirmation"] });

    expect(await db.holding.findUniqueOrThrow({ where: { id: previous.holding.id } })).toMatchObject({ endedAt: null, endReason: null });
    expect(await db.holding.findUniqueOrThrow({ where: { id: previous.driver.id } })).toMatchObject({ endedAt: null });
    expect(await db.contract.count({ where: { holdingId: previous.holding.id, status: "ACTIVE" } })).toBe(2);
    expect(await db.holding.count({ where: { userId: buyer.user.id } })).toBe(0);
    expect(await db.verifiedFacts.count({ where: { vin: previous.vehicle.vin } })).toBe(0);
    expect(await outboxFor(previous.owner.email)).toHaveLength(0);
    expect(await outboxFor(buyer.user.email)).toHaveLength(0);
  });

  it("with confirmation the car changes hands: the previous holding ends OWNERSHIP_CHANGED, its contracts are cancelled, and the previous owner is told without learning who the new owner is", async () => {
    const dealer = await dealerStaff();
    const prevOwner = await ownerAccount();
    const previous = await ownedVehicle({ ownerId: prevOwner.user.id });
    const buyer = await ownerAccount();
    const newName = `${buyer.user.firstName} ${buyer.user.lastName}`;
    const input = deskInput(dealer.actor, dealer.org.id, buyer.user, {
      vin: previous.vehicle.vin,
      make: "Porsche",
      model: "Macan",
      fullName: newName,
      registeredOwnerName: newName,
      address: "Damrak 99, 1012 LP Amsterdam",
      registeredOwnerAddress: "Damrak 99, 1012 LP Amsterdam",
      confirmOwnershipChange: true,
    });

    const r = await verifyAtDesk(input);

    expect(r).toMatchObject({ vehicleId: previous.vehicle.id, ownershipChanged: true });
    expect(await db.holding.findUniqueOrThrow({ where: { id: previous.holding.id } })).toMatchObject({ endReason: "OWNERSHIP_CHANGED" });
    expect((await db.holding.findUniqueOrThrow({ where: { id: previous.holding.id } })).endedAt).not.toBeNull();
    expect(await db.holding.findUniqueOrThrow({ where: { id: previous.driver.id } })).toMatchObject({ endReason: "DRIVER_ACCESS_ENDED" });
    for (const c of previous.active) {
      expect(await db.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "CANCELLED", autoRenew: false, cancellationReason: "ownership_changed" });
    }
    expect((await db.contract.findUniqueOrThrow({ where: { id: previous.expired.id } })).status).toBe("EXPIRED");
    expect(await db.holding.findUniqueOrThrow({ where: { id: r.holdingId } })).toMatchObject({ kind: "OWNER", userId: buyer.user.id, endedAt: null });
    expect(await db.auditLog.count({ where: { action: "vehicle.ownership_ended", entityId: previous.holding.id, subjectUserId: prevOwner.user.id } })).toBe(1);

    const mails = await outboxFor(prevOwner.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].template).toBe("ownership-ended");
    const payload = mails[0].payload as EmailPayloads["ownership-ended"];
    const rendered = await renderEmail("ownership-ended", mails[0].locale, payload);
    const everything = [JSON.stringify(payload), rendered.subject, rendered.text, rendered.html].join("\n").toLowerCase();
    expect(everything).toContain(previous.vehicle.vin.toLowerCase());
    for (const secret of [buyer.user.email, buyer.user.firstName, buyer.user.lastName, "Damrak"]) {
      expect(everything).not.toContain(secret.toLowerCase());
    }

    // The previous owner no longer sees the car; the new owner does, without the old contracts.
    expect(await getVehicleDossier(prevOwner.actor, previous.vehicle.id)).toBeNull();
    const dossier = await getVehicleDossier(buyer.actor, previous.vehicle.id);
    expect(dossier?.isOwner).toBe(true);
    expect(dossier?.contracts).toEqual([]);
    expect((await getOwnerCarHistory(buyer.actor, previous.vehicle.id))?.entries.map((s) => s.id)).toEqual([previous.service.id]);
    expect((await outboxFor(buyer.user.email)).map((m) => m.template)).toEqual(["vehicle-linked-desk"]);
  });

  it("an authorised driver requires the owner's written authorisation", async () => {
    const dealer = await dealerStaff();
    const owned = await ownedVehicle();
    const driver = await ownerAccount();
    const input = deskInput(dealer.actor, dealer.org.id, driver.user, { vin: owned.vehicle.vin, relationship: "DRIVER", authorisationSeen: false });

    // The form's schema refuses it...
    const { vin: _vin, actor: _actor, ...formBase } = input;
    const form = { ...formBase, vin: owned.vehicle.vin, dateOfBirth: "1985-04-12", documentValidUntil: `${new Date().getUTCFullYear() + 2}-01-01`, modelYear: "2023", authorisationSeen: "", confirmOwnershipChange: "" };
    const parsed = DeskVerificationInput.safeParse(form);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["authorisationSeen", "authorisation_required"]]);
    expect(DeskVerificationInput.safeParse({ ...form, authorisationSeen: "on" }).success).toBe(true);

    // ...and so does the use case itself.
    const e = await expectAppError(verifyAtDesk(input), "VALIDATION", "authorisation_required");
    expect(e.fieldErrors).toEqual({ authorisationSeen: ["authorisation_required"] });
    expect(await db.holding.count({ where: { userId: driver.user.id } })).toBe(0);
    expect(await db.verifiedFacts.count({ where: { vin: owned.vehicle.vin } })).toBe(0);

    const r = await verifyAtDesk({ ...input, authorisationSeen: true });
    expect(await db.holding.findUniqueOrThrow({ where: { id: r.holdingId } })).toMatchObject({ kind: "DRIVER", userId: driver.user.id, viaHoldingId: owned.holding.id, endedAt: null });
    expect(await db.holding.findUniqueOrThrow({ where: { id: owned.holding.id } })).toMatchObject({ endedAt: null });
    expect(await db.auditLog.count({ where: { action: "vehicle.driver_linked", entityId: r.holdingId } })).toBe(1);
    const dossier = await getVehicleDossier(driver.actor, owned.vehicle.id);
    expect(dossier?.isOwner).toBe(false);
    expect(dossier?.contracts).toEqual([]);
    // Nor does the garage list show the owner's contracts to the driver.
    expect((await listGarage(driver.actor)).map((v) => [v.id, v.relationship, v.activeContracts, v.nextContractEnd])).toEqual([[owned.vehicle.id, "DRIVER", 0, null]]);
    expect((await listGarage(await actorFor(owned.owner.id))).map((v) => [v.id, v.relationship, v.activeContracts])).toEqual([[owned.vehicle.id, "OWNER", 2]]);
    await expectAppError(verifyAtDesk({ ...input, authorisationSeen: true }), "CONFLICT", "already_linked");
  });

  it("creates the car when its VIN is new", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const vin = makeVin();
    const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { vin }));
    expect((await db.vehicle.findUniqueOrThrow({ where: { id: r.vehicleId } })).vin).toBe(vin);
  });

  it("a change of owner needs a registration certificate in the name on the new owner's ID document, even when confirmed (VALIDATION; nothing changes)", async () => {
    const dealer = await dealerStaff();
    const previous = await ownedVehicle();
    const buyer = { user: await db.user.update({ where: { id: (await ownerAccount()).user.id }, data: { firstName: "Zoë", lastName: "de Wit" } }) };
    const base = { vin: previous.vehicle.vin, make: "Porsche", model: "Macan", fullName: "Zoë de Wit", confirmOwnershipChange: true };

    const e = await expectAppError(verifyAtDesk(deskInput(dealer.actor, dealer.org.id, buyer.user, { ...base, registeredOwnerName: "Fenna Veldkamp" })), "VALIDATION", "registered_owner_mismatch");
    expect(e.fieldErrors).toEqual({ registeredOwnerName: ["registered_owner_mismatch"] });
    expect(await db.holding.findUniqueOrThrow({ where: { id: previous.holding.id } })).toMatchObject({ endedAt: null, endReason: null });
    expect(await db.holding.findUniqueOrThrow({ where: { id: previous.driver.id } })).toMatchObject({ endedAt: null });
    expect(await db.contract.count({ where: { holdingId: previous.holding.id, status: "ACTIVE" } })).toBe(2);
    expect(await db.holding.count({ where: { userId: buyer.user.id } })).toBe(0);
    expect(await db.verifiedFacts.count({ where: { vin: previous.vehicle.vin } })).toBe(0);
    expect(await db.auditLog.count({ where: { vehicleId: previous.vehicle.id } })).toBe(0);
    expect(await outboxFor(previous.owner.email)).toHaveLength(0);
    expect(await outboxFor(buyer.user.email)).toHaveLength(0);

    // The explicit confirmation is still needed with a matching name...
    await expectAppError(
      verifyAtDesk(deskInput(dealer.actor, dealer.org.id, buyer.user, { ...base, registeredOwnerName: "Zoë de Wit", confirmOwnershipChange: false })),
      "CONFLICT",
      "ownership_change_needs_confirmation",
    );
    // ...and the names are compared without case, diacritics, spacing or punctuation.
    const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, buyer.user, { ...base, registeredOwnerName: "DE WIT, ZOE" }));
    expect(r.ownershipChanged).toBe(true);
    expect(await db.holding.findUniqueOrThrow({ where: { id: r.holdingId } })).toMatchObject({ kind: "OWNER", userId: buyer.user.id, endedAt: null });
  });

  it("the first link of a car without an owner needs the certificate in the owner's name too; an authorised driver's link needs the owner's authorisation instead, recorded in the audit", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const lease = deskInput(dealer.actor, dealer.org.id, owner.user, { registeredOwnerName: "Leasemaatschappij BV" });
    const e = await expectAppError(verifyAtDesk(lease), "VALIDATION", "registered_owner_mismatch");
    expect(e.fieldErrors).toEqual({ registeredOwnerName: ["registered_owner_mismatch"] });
    expect(await db.vehicle.count({ where: { vin: lease.vin } })).toBe(0);
    expect(await db.holding.count({ where: { userId: owner.user.id } })).toBe(0);

    const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user));
    expect(r.ownershipChanged).toBe(false);
    const ownerName = `${owner.user.firstName} ${owner.user.lastName}`;
    const driver = await ownerAccount();
    const vin = (await db.vehicle.findUniqueOrThrow({ where: { id: r.vehicleId } })).vin;
    const d = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, driver.user, { vin, relationship: "DRIVER", authorisationSeen: true, registeredOwnerName: ownerName }));
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.holdingId } })).toMatchObject({ kind: "DRIVER", viaHoldingId: r.holdingId });
    const linked = await db.auditLog.findFirstOrThrow({ where: { action: "vehicle.driver_linked", entityId: d.holdingId } });
    expect(linked.data).toMatchObject({ channel: "DESK", ownerAuthorisationSeen: true });
    expect(await db.verifiedFacts.findFirstOrThrow({ where: { holdingId: d.holdingId } })).toMatchObject({ fullName: `${driver.user.firstName} ${driver.user.lastName}`, registeredOwnerName: ownerName });
  });

  it("verifying the owner of their own disconnected car re-links it: audited as a re-link by the dealer, the 'linked again' e-mail, the facts kept", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount({ locale: "en" });
    const first = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user));
    await disconnectHolding({ actor: dealer.actor, holdingId: first.holdingId });
    const vin = (await db.vehicle.findUniqueOrThrow({ where: { id: first.vehicleId } })).vin;

    // Another dealer's staff reconnect it after checking the documents at their desk.
    const other = await dealerStaff();
    const r = await verifyAtDesk(deskInput(other.actor, other.org.id, owner.user, { vin }));

    expect(r).toEqual({ vehicleId: first.vehicleId, holdingId: first.holdingId, ownershipChanged: false });
    expect(await db.holding.findUniqueOrThrow({ where: { id: first.holdingId } })).toMatchObject({ disconnectedAt: null, endedAt: null, userId: owner.user.id });
    expect(await db.holding.count({ where: { vehicleId: first.vehicleId } })).toBe(1);
    const relinked = await db.auditLog.findMany({ where: { action: "vehicle.relinked", entityId: first.holdingId } });
    expect(relinked).toHaveLength(1);
    expect(relinked[0]).toMatchObject({ actorUserId: other.user.id, actorOrganisationId: other.org.id, actorRole: "dealer:member", subjectUserId: owner.user.id, vehicleId: first.vehicleId, data: { channel: "DESK", identityChecked: true } });
    expect(await db.auditLog.count({ where: { action: "vehicle.linked", entityId: first.holdingId } })).toBe(1); // the first link only
    expect(await db.verifiedFacts.count({ where: { holdingId: first.holdingId, organisationId: other.org.id } })).toBe(1);

    const mails = await outboxFor(owner.user.email);
    expect(mails.map((m) => m.template)).toEqual(["vehicle-linked-desk", "vehicle-disconnected", "vehicle-relinked"]);
    expect(mails[2]).toMatchObject({ locale: "en", payload: { car: "Porsche Cayenne" } });

    // The owner's page: connected again, and the trail names who re-linked it.
    const dossier = await getVehicleDossier(owner.actor, first.vehicleId);
    expect(dossier?.holding.disconnectedAt).toBeNull();
    expect(dossier?.history[0]).toMatchObject({ action: "vehicle.relinked", organisation: other.org.name, actorRole: "dealer:member" });
    await expectAppError(verifyAtDesk(deskInput(other.actor, other.org.id, owner.user, { vin })), "CONFLICT", "already_linked");
  });

  it("an authorised driver added at the desk appears in the owner's trail, with the dealer that added them", async () => {
    const dealer = await dealerStaff("ADMIN");
    const owned = await ownedVehicle();
    const owner = await actorFor(owned.owner.id);
    const driver = await ownerAccount();
    const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, driver.user, { vin: owned.vehicle.vin, relationship: "DRIVER", authorisationSeen: true }));

    const trail = (await getVehicleDossier(owner, owned.vehicle.id))!.history;
    expect(trail.map((h) => [h.action, h.organisation, h.actorRole])).toEqual([["vehicle.driver_added", dealer.org.name, "dealer:admin"]]);
    // The driver's own trail has their link; neither sees the other's unrelated entries.
    expect((await getVehicleDossier(driver.actor, owned.vehicle.id))!.history.map((h) => h.action)).toEqual(["vehicle.driver_linked"]);
    expect(await db.auditLog.count({ where: { action: "vehicle.driver_linked", entityId: r.holdingId } })).toBe(1);
    // Another owner's driver link of another car is not in this owner's trail.
    const elsewhere = await ownedVehicle();
    await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, (await ownerAccount()).user, { vin: elsewhere.vehicle.vin, relationship: "DRIVER", authorisationSeen: true }));
    expect((await getVehicleDossier(owner, owned.vehicle.id))!.history).toHaveLength(1);
  });
});

/** An active account named as the demo owner is, as an actor. */
async function namedOwner(firstName: string, lastName: string) {
  const { user } = await ownerAccount({ locale: "en" });
  return { user: await db.user.update({ where: { id: user.id }, data: { firstName, lastName } }) };
}

describe("verifyAtDesk: the documents are the account holder's", () => {
  it("refuses an owner link on a registration certificate in someone else's name, on that field, in Dutch and English; nothing is stored", async () => {
    const dealer = await dealerStaff();
    const sanne = await namedOwner("Sanne", "de Jong");
    const input = deskInput(dealer.actor, dealer.org.id, sanne.user, { fullName: "Sanne de Jong", registeredOwnerName: "Someone Else" });

    const e = await expectAppError(verifyAtDesk(input), "VALIDATION", "registered_owner_mismatch");
    expect(e.fieldErrors).toEqual({ registeredOwnerName: ["registered_owner_mismatch"] });
    const en = errorMessage(e, "en").fieldErrors!.registeredOwnerName;
    const nl = errorMessage(e, "nl").fieldErrors!.registeredOwnerName;
    expect(en).toMatch(/not the name on the ID document/);
    expect(nl).toMatch(/niet die op het identiteitsbewijs/);

    expect(await db.vehicle.count({ where: { vin: input.vin } })).toBe(0);
    expect(await db.holding.count({ where: { userId: sanne.user.id } })).toBe(0);
    expect(await db.verifiedFacts.count({ where: { vin: input.vin } })).toBe(0);
    expect(await outboxFor(sanne.user.email)).toEqual([]);
  });

  it("refuses an ID document (and certificate) in another name than the account's, for an owner and for a driver, on the name field, in Dutch and English", async () => {
    const dealer = await dealerStaff();
    const sanne = await namedOwner("Sanne", "de Jong");
    const input = deskInput(dealer.actor, dealer.org.id, sanne.user, { fullName: "Piet Puk", registeredOwnerName: "Piet Puk" });

    const e = await expectAppError(verifyAtDesk(input), "VALIDATION", "id_name_mismatch");
    expect(e.fieldErrors).toEqual({ fullName: ["id_name_mismatch"] });
    expect(errorMessage(e, "en")).toMatchObject({ message: expect.stringMatching(/not the name of this account/), fieldErrors: { fullName: "This is not the name of the account you looked up." } });
    expect(errorMessage(e, "nl")).toMatchObject({ message: expect.stringMatching(/niet de naam van dit account/), fieldErrors: { fullName: "Dit is niet de naam van het opgezochte account." } });
    expect(await db.vehicle.count({ where: { vin: input.vin } })).toBe(0);
    expect(await db.holding.count({ where: { userId: sanne.user.id } })).toBe(0);

    // A driver's ID document is theirs too (the owner's authorisation stands in for the certificate only).
    const owned = await ownedVehicle();
    await expectAppError(
      verifyAtDesk(deskInput(dealer.actor, dealer.org.id, sanne.user, { vin: owned.vehicle.vin, relationship: "DRIVER", authorisationSeen: true, fullName: "Piet Puk" })),
      "VALIDATION",
      "id_name_mismatch",
    );
    expect(await db.holding.count({ where: { userId: sanne.user.id } })).toBe(0);
    expect(await outboxFor(sanne.user.email)).toEqual([]);

    // The names are compared leniently (case, diacritics, order), as the self-registration approval does.
    const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, sanne.user, { fullName: "DE JONG, Sanne", registeredOwnerName: "sanne de jong" }));
    expect(await db.holding.findUniqueOrThrow({ where: { id: r.holdingId } })).toMatchObject({ kind: "OWNER", userId: sanne.user.id });
  });

  it("re-linking the owner's own disconnected car also needs their ID document", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const first = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user));
    await disconnectHolding({ actor: dealer.actor, holdingId: first.holdingId });
    const vin = (await db.vehicle.findUniqueOrThrow({ where: { id: first.vehicleId } })).vin;
    await expectAppError(verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user, { vin, fullName: "Piet Puk", registeredOwnerName: "Piet Puk" })), "VALIDATION", "id_name_mismatch");
    expect((await db.holding.findUniqueOrThrow({ where: { id: first.holdingId } })).disconnectedAt).not.toBeNull();
  });
});

describe("verifyAtDesk: a known VIN keeps its recorded car", () => {
  it("ignores another make and model typed for a known car: the car stays as recorded and both e-mails name it", async () => {
    const dealer = await dealerStaff();
    const prevOwner = await ownerAccount({ locale: "en" });
    const previous = await ownedVehicle({ ownerId: prevOwner.user.id }); // a Porsche Macan 2024, electric
    const buyer = await ownerAccount({ locale: "en" });
    const input = deskInput(dealer.actor, dealer.org.id, buyer.user, { vin: previous.vehicle.vin, make: "Opel", model: "Corsa", modelYear: 2011, fuel: "DIESEL", confirmOwnershipChange: true });

    const r = await verifyAtDesk(input);

    expect(r).toMatchObject({ vehicleId: previous.vehicle.id, ownershipChanged: true });
    expect(await db.vehicle.findUniqueOrThrow({ where: { id: previous.vehicle.id } })).toMatchObject({ make: "Porsche", model: "Macan", modelYear: 2024, fuel: "ELECTRIC" });
    const ended = await outboxFor(prevOwner.user.email);
    const linked = await outboxFor(buyer.user.email);
    expect(ended.map((m) => [m.template, (m.payload as { car: string }).car])).toEqual([["ownership-ended", "Porsche Macan"]]);
    expect(linked.map((m) => [m.template, (m.payload as { car: string }).car])).toEqual([["vehicle-linked-desk", "Porsche Macan"]]);
    for (const m of [...ended, ...linked]) {
      const template = m.template as keyof EmailPayloads;
      const rendered = await renderEmail(template, m.locale, m.payload as EmailPayloads[typeof template]);
      expect([rendered.subject, rendered.text].join("\n")).not.toMatch(/Opel|Corsa/);
    }
  });

  it("needs no car details for a known VIN, and asks for them on their fields for a new one", async () => {
    const dealer = await dealerStaff();
    const owned = await ownedVehicle();
    const driver = await ownerAccount();
    const known = deskInput(dealer.actor, dealer.org.id, driver.user, { vin: owned.vehicle.vin, relationship: "DRIVER", authorisationSeen: true, make: undefined, model: undefined, modelYear: undefined, fuel: undefined });
    await verifyAtDesk(known);
    expect((await outboxFor(driver.user.email)).map((m) => (m.payload as { car: string }).car)).toEqual(["Porsche Macan"]);

    // The form sends nothing for hidden fields: the schema admits that, for the use case to decide.
    const { actor: _a, ...form } = deskInput(dealer.actor, dealer.org.id, driver.user);
    const parsed = DeskVerificationInput.parse({ ...form, make: "", model: "", modelYear: "", fuel: undefined, dateOfBirth: "1985-04-12", documentValidUntil: `${new Date().getUTCFullYear() + 2}-01-01`, authorisationSeen: "", confirmOwnershipChange: "" });
    expect(parsed).toMatchObject({ make: undefined, model: undefined, modelYear: undefined, fuel: undefined });

    const owner = await ownerAccount();
    const fresh = deskInput(dealer.actor, dealer.org.id, owner.user, { make: undefined, model: "Cayenne", modelYear: undefined });
    const e = await expectAppError(verifyAtDesk(fresh), "VALIDATION", "vehicle_details_required");
    expect(e.fieldErrors).toEqual({ make: ["required"], modelYear: ["required"] });
    expect(await db.vehicle.count({ where: { vin: fresh.vin } })).toBe(0);
  });

  it("the desk's VIN look-up shows the recorded car and nothing about who holds it, to dealer staff only", async () => {
    const dealer = await dealerStaff();
    const owned = await ownedVehicle();
    const found = await lookupVehicle(dealer.actor, owned.vehicle.vin);
    expect(found).toEqual({ known: true, vin: owned.vehicle.vin, make: "Porsche", model: "Macan", modelYear: 2024, fuel: "ELECTRIC" });
    const vin = makeVin();
    expect(await lookupVehicle(dealer.actor, vin)).toEqual({ known: false, vin });
    await expectAppError(lookupVehicle(await actorFor(owned.owner.id), owned.vehicle.vin), "NOT_FOUND");
  });
});
