/**
 * The owner's rights (issue 14, docs/decisions/0031): profile, e-mail change, consents with double
 * opt-in, export, erasure and the retention job, each with its cross-tenant refusals.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { hashToken, newToken } from "@/lib/server/tokens";
import { admitAccountMail } from "@/lib/server/form-limits";
import { transaction } from "@/lib/server/transaction";
import { leaveMessage } from "@/lib/messages/leave";
import { signUp } from "@/lib/accounts/sign-up";
import { updateProfile } from "@/lib/privacy/profile";
import { confirmEmailChange, reportEmailChange, requestEmailChange } from "@/lib/privacy/email-change";
import { confirmConsent, enqueueMarketingEmail, requestConsent, unsubscribe, unsubscribeToken, withdrawConsent } from "@/lib/privacy/consents";
import { buildExport, buildServiceHistoryCsv } from "@/lib/privacy/export";
import { eraseAccount, erasedEmail } from "@/lib/privacy/erase";
import { runRetention } from "@/lib/privacy/retention";
import { OwnerProfileInput } from "@/lib/privacy/schemas";
import { unsubscribeHeaders } from "@/lib/server/mail/sender";
import { getPhotoStorage, newStorageKey } from "@/lib/car-face/storage";
import { actorFor, createMembership, createOrganisation, createSession, createUser, makeVin, outboxFor, PASSWORD, tokenFromPayload, uid, uniqueAddress, uniqueEmail } from "../factories";
import { expectAppError, invite, ownedVehicle, ownerAccount, dealerStaff } from "../factories/linking";

const DAY = 86_400_000;

function profile(over: Record<string, unknown> = {}) {
  return OwnerProfileInput.parse({ firstName: "Fenna", lastName: "Veldkamp", locale: "nl", ...over });
}

/** The newest e-mail of a template to an address, and the token at the end of its link. */
async function linkOf(to: string, template: string) {
  const mails = (await outboxFor(to)).filter((m) => m.template === template);
  const mail = mails[mails.length - 1];
  if (!mail) throw new Error(`no ${template} e-mail to ${to}`);
  return { mail, token: tokenFromPayload(mail.payload) };
}

describe("profile", () => {
  it("an owner saves name, address, phones, language and the voluntary fields; the audit names the fields only", async () => {
    const { user, actor } = await ownerAccount();
    const r = await updateProfile({
      actor,
      profile: profile({
        title: "dr.",
        company: "Veldkamp BV",
        dateOfBirth: "1980-04-02",
        street: "Keizersgracht 1",
        postalCode: "1015 CJ",
        city: "Amsterdam",
        country: "NL",
        mobile: "+31 6 12345678",
        extraPhones: "+31 20 1234567\n+32 2 1234567",
        interests: ["charging", "events"],
        preferredChannels: "email",
        locale: "en",
      }),
    });
    expect(r.changed).toEqual(expect.arrayContaining(["street", "mobile", "locale", "interests"]));
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ title: "dr.", city: "Amsterdam", locale: "en", extraPhones: ["+31 20 1234567", "+32 2 1234567"], interests: ["charging", "events"], preferredChannels: ["email"] });
    expect(after.dateOfBirth?.toISOString().slice(0, 10)).toBe("1980-04-02");
    const entry = await db.auditLog.findFirstOrThrow({ where: { subjectUserId: user.id, action: "account.profile_updated" } });
    expect(JSON.stringify(entry.data)).not.toContain("Keizersgracht");
  });

  it("the language can be Belgian Dutch or French, in the page's spelling (nl-BE) or the database's", async () => {
    const { user, actor } = await ownerAccount();
    await updateProfile({ actor, profile: profile({ locale: "nl-BE" }) });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("nl_BE");
    await updateProfile({ actor, profile: profile({ locale: "fr" }) });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("fr");
    expect(OwnerProfileInput.safeParse({ firstName: "A", lastName: "B", locale: "nl_BE" }).data?.locale).toBe("nl_BE");
    expect(OwnerProfileInput.safeParse({ firstName: "A", lastName: "B", locale: "de" }).success).toBe(false);
  });

  it("refuses a bad phone number and a future birth date with field errors", () => {
    const r = OwnerProfileInput.safeParse({ firstName: "A", lastName: "B", locale: "nl", mobile: "call me", dateOfBirth: "2999-01-01" });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({ mobile: "phone_invalid", dateOfBirth: "birth_date_invalid" });
  });

  it("staff edit their name and language only: another field is refused, nothing stored", async () => {
    const org = await createOrganisation("DEALER");
    const staff = await createUser();
    await createMembership(staff.id, org.id, "MEMBER");
    const actor = await actorFor(staff.id);
    await expectAppError(updateProfile({ actor, profile: profile({ street: "Elsewhere 2" }) }), "VALIDATION", "unknown_field");
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).street).toBeNull();
    await updateProfile({ actor, profile: profile({ firstName: "Sam", locale: "en" }) });
    expect(await db.user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ firstName: "Sam", locale: "en" });
  });
});

describe("changing the e-mail address", () => {
  it("changes only when the link to the new address is followed; every session ends; the old address got a notice", async () => {
    const { user, actor } = await ownerAccount();
    const session = await createSession(user.id);
    const next = uniqueEmail("new");
    await requestEmailChange({ actor, email: next, currentPassword: PASSWORD });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const notice = (await outboxFor(user.email)).find((m) => m.template === "email-change-notice");
    expect(notice?.payload).toMatchObject({ newEmail: expect.stringMatching(/^n\*\*\*@example\.test$/) });

    const { token } = await linkOf(next, "email-change-confirm");
    await confirmEmailChange({ token, address: uniqueAddress() });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(next);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    await expectAppError(confirmEmailChange({ token, address: uniqueAddress() }), "GONE", "link_used");
  });

  it("refuses a wrong password and an address in use; at follow time an address taken meanwhile is refused", async () => {
    const { user, actor } = await ownerAccount();
    const other = await createUser();
    await expectAppError(requestEmailChange({ actor, email: uniqueEmail(), currentPassword: "wrong" }), "VALIDATION", "current_password_wrong");
    await expectAppError(requestEmailChange({ actor, email: other.email, currentPassword: PASSWORD }), "VALIDATION", "email_taken");
    const next = uniqueEmail("race");
    await requestEmailChange({ actor, email: next, currentPassword: PASSWORD });
    await createUser({ email: next });
    const { token } = await linkOf(next, "email-change-confirm");
    await expectAppError(confirmEmailChange({ token, address: uniqueAddress() }), "CONFLICT", "email_taken");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("\"this was not me\" cancels the pending change and ends every session", async () => {
    const { user, actor } = await ownerAccount();
    const session = await createSession(user.id);
    const next = uniqueEmail("hijack");
    await requestEmailChange({ actor, email: next, currentPassword: PASSWORD });
    const report = await linkOf(user.email, "email-change-notice");
    expect(await reportEmailChange({ token: report.token, address: uniqueAddress() })).toEqual({ changed: false });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    const { token } = await linkOf(next, "email-change-confirm");
    await expectAppError(confirmEmailChange({ token, address: uniqueAddress() }), "GONE", "link_used");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("cross-tenant: a change link of one account never changes another's; an activation or reset token is no change link", async () => {
    const a = await ownerAccount();
    const b = await ownerAccount();
    const next = uniqueEmail("a-new");
    await requestEmailChange({ actor: a.actor, email: next, currentPassword: PASSWORD });
    const { token } = await linkOf(next, "email-change-confirm");
    await confirmEmailChange({ token, address: uniqueAddress() });
    expect((await db.user.findUniqueOrThrow({ where: { id: b.user.id } })).email).toBe(b.user.email);
    const reset = newToken();
    await db.authToken.create({ data: { userId: b.user.id, kind: "PASSWORD_RESET", tokenHash: reset.hash, expiresAt: new Date(Date.now() + 3600_000), newEmail: uniqueEmail() } });
    await expectAppError(confirmEmailChange({ token: reset.token, address: uniqueAddress() }), "NOT_FOUND", "link_invalid");
  });
});

describe("consents (double opt-in)", () => {
  it("stays off until the e-mailed link is followed; the proof is kept; withdrawing is one step; every change audited", async () => {
    const { user, actor } = await ownerAccount();
    expect(await requestConsent({ actor, purpose: "NEWSLETTER" })).toEqual({ status: "PENDING" });
    expect((await db.consent.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("PENDING");
    // No marketing e-mail without a confirmed consent.
    expect(await transaction((tx) => enqueueMarketingEmail(tx, { userId: user.id, purpose: "NEWSLETTER", template: "newsletter", payload: { name: "", purpose: "NEWSLETTER", headline: "h", body: "b" } }))).toBe(false);

    const { token } = await linkOf(user.email, "consent-confirm");
    await confirmConsent({ token, address: "203.0.113.7", userAgent: "Mozilla/5.0 Test" });
    const c = await db.consent.findFirstOrThrow({ where: { userId: user.id } });
    expect(c).toMatchObject({ status: "CONFIRMED", confirmationIp: "203.0.113.7", confirmationUserAgent: "Mozilla/5.0 Test", confirmationMethod: "email_link", textVersion: expect.any(String), tokenHash: null });
    expect(c.confirmedAt).not.toBeNull();
    await expectAppError(confirmConsent({ token, address: uniqueAddress(), userAgent: null }), "NOT_FOUND", "link_invalid");

    // The welcome e-mail is a marketing e-mail: its unsubscribe link and one-click header.
    const welcome = (await outboxFor(user.email)).find((m) => m.template === "consent-welcome")!;
    const payload = welcome.payload as Record<string, string>;
    expect(unsubscribeHeaders(payload)).toEqual({ "List-Unsubscribe": `<${payload.unsubscribePostUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    await withdrawConsent({ actor, purpose: "NEWSLETTER" });
    expect((await db.consent.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("WITHDRAWN");
    const actions = (await db.auditLog.findMany({ where: { subjectUserId: user.id, action: { startsWith: "consent." } }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["consent.requested", "consent.confirmed", "consent.withdrawn"]);
    for (const a of await db.auditLog.findMany({ where: { subjectUserId: user.id } })) expect(JSON.stringify(a.data)).not.toContain("203.0.113.7");
  });

  it("unsubscribes through the e-mail's link without signing in; a forged or altered link does nothing", async () => {
    const { user, actor } = await ownerAccount();
    await requestConsent({ actor, purpose: "MARKETING_EMAIL" });
    await confirmConsent({ token: (await linkOf(user.email, "consent-confirm")).token, address: uniqueAddress(), userAgent: null });
    const consent = await db.consent.findFirstOrThrow({ where: { userId: user.id } });
    const token = unsubscribeToken(consent.id);
    await expectAppError(unsubscribe({ token: `${consent.id}-${"A".repeat(43)}`, via: "one_click" }), "NOT_FOUND", "link_invalid");
    // Another consent's id with this one's signature (the last character changed, never to itself).
    const otherId = `${consent.id.slice(0, -1)}${consent.id.endsWith("x") ? "y" : "x"}`;
    await expectAppError(unsubscribe({ token: token.replace(consent.id, otherId), via: "one_click" }), "NOT_FOUND", "link_invalid");
    expect((await db.consent.findUniqueOrThrow({ where: { id: consent.id } })).status).toBe("CONFIRMED");
    await unsubscribe({ token, via: "one_click" });
    expect((await db.consent.findUniqueOrThrow({ where: { id: consent.id } })).status).toBe("WITHDRAWN");
    await unsubscribe({ token, via: "email_link" });
  });

  it("cross-tenant: confirming one owner's link never turns on another's consent", async () => {
    const a = await ownerAccount();
    const b = await ownerAccount();
    await requestConsent({ actor: a.actor, purpose: "NEWSLETTER" });
    await requestConsent({ actor: b.actor, purpose: "NEWSLETTER" });
    await confirmConsent({ token: (await linkOf(a.user.email, "consent-confirm")).token, address: uniqueAddress(), userAgent: null });
    expect((await db.consent.findFirstOrThrow({ where: { userId: b.user.id } })).status).toBe("PENDING");
    await expectAppError(confirmConsent({ token: newToken().token, address: uniqueAddress(), userAgent: null }), "NOT_FOUND", "link_invalid");
  });
});

describe("export", () => {
  it("holds the owner's data from every section, and the service history as CSV", async () => {
    const car = await ownedVehicle();
    const actor = await actorFor(car.owner.id);
    await updateProfile({ actor, profile: profile({ firstName: car.owner.firstName, lastName: car.owner.lastName, city: "Utrecht" }) });
    await requestConsent({ actor, purpose: "NEWSLETTER" });
    await transaction((tx) => leaveMessage(tx, { userId: car.owner.id, vehicleId: car.vehicle.id, kind: "contract_ending", data: { product: "CONNECT" } }));
    const org = await createOrganisation("DEALER");
    const staff = await createUser();
    await db.verifiedFacts.create({
      data: { holdingId: car.holding.id, verifiedById: staff.id, organisationId: org.id, idDocumentType: "PASSPORT", fullName: "Fenna Veldkamp", dateOfBirth: new Date("1980-04-02"), placeOfBirth: "Zwolle", address: "Keizersgracht 1", documentValidUntil: new Date("2030-01-01"), vin: car.vehicle.vin, registeredOwnerName: "Fenna Veldkamp", registeredOwnerAddress: "Keizersgracht 1" },
    });
    await db.appointment.create({ data: { vehicleId: car.vehicle.id, userId: car.owner.id, organisationId: org.id, reason: "TYRES", note: "Winter tyres please", preferredTimes: [new Date("2030-01-07T09:00:00Z")] } });
    const invitee = uniqueEmail("driver");
    await db.driverInvitation.create({ data: { tokenHash: hashToken(uid() + uid()), email: invitee, ownerHoldingId: car.holding.id, expiresAt: new Date(Date.now() + 7 * DAY) } });
    await db.maintenanceDue.create({ data: { vehicleId: car.vehicle.id, description: "Brake fluid due", dueKm: 60000, source: "WORKSHOP", organisationId: org.id, setById: staff.id, soldTokenHash: hashToken(uid() + uid()) } });
    const doc = await buildExport({ actor });
    expect(doc.appointments[0]).toMatchObject({ reason: "TYRES", note: "Winter tyres please" });
    expect(doc.driverInvitationsSent[0]).toMatchObject({ email: invitee, status: "PENDING" });
    expect(doc.driverInvitationsSent[0]).not.toHaveProperty("tokenHash");
    expect(doc.maintenanceDue[0]).toMatchObject({ description: "Brake fluid due", dueKm: 60000 });
    expect(doc.maintenanceDue[0]).not.toHaveProperty("soldTokenHash");
    expect(doc.maintenanceDue[0]).not.toHaveProperty("setById");
    expect(doc.account).toMatchObject({ email: car.owner.email, city: "Utrecht" });
    expect(doc.account).not.toHaveProperty("passwordHash");
    expect(doc.consents[0]).toMatchObject({ purpose: "NEWSLETTER", status: "PENDING" });
    expect(doc.consents[0]).not.toHaveProperty("tokenHash");
    expect(doc.holdings[0]).toMatchObject({ vehicle: { vin: car.vehicle.vin } });
    expect(doc.contracts.map((c) => (c as { product: string }).product).sort()).toEqual(["CHARGING", "CONNECT", "ROADSIDE"]);
    expect(doc.verifiedFacts[0]).toMatchObject({ placeOfBirth: "Zwolle" });
    expect(doc.verifiedFacts[0]).not.toHaveProperty("verifiedById");
    expect(doc.serviceEntries.map((e) => (e as { description: string }).description)).toContain("Annual service");
    expect(doc.messages[0]).toMatchObject({ kind: "contract_ending" });
    expect(doc.audit.map((a) => (a as { action: string }).action)).toEqual(expect.arrayContaining(["account.profile_updated", "consent.requested"]));
    const csv = await buildServiceHistoryCsv({ actor });
    expect(csv).toMatch(/^\uFEFFvin,car,date,kind/);
    expect(csv).toContain(`${car.vehicle.vin},Porsche Macan,`);
    expect(csv).toContain("Annual service");
  });

  it("cross-tenant: another owner's export holds nothing of this owner, and a former car's history is not in it", async () => {
    const car = await ownedVehicle();
    const other = await ownerAccount();
    const invitation = await db.driverInvitation.create({ data: { tokenHash: hashToken(uid() + uid()), email: other.user.email, ownerHoldingId: car.holding.id, expiresAt: new Date(Date.now() + 7 * DAY) } });
    const otherDoc = await buildExport({ actor: other.actor });
    expect(otherDoc.driverInvitationsReceived.map((i) => (i as { id: string }).id)).toEqual([invitation.id]);
    expect(otherDoc.driverInvitationsSent).toEqual([]);
    await db.driverInvitation.delete({ where: { id: invitation.id } });
    const text = JSON.stringify(await buildExport({ actor: other.actor }));
    for (const secret of [car.owner.email, car.owner.firstName, car.vehicle.vin, car.service.id]) expect(text).not.toContain(secret);
    // The driver sees the car's history while driving it; once access ended, no longer.
    const driver = await actorFor(car.driverUser.id);
    expect(JSON.stringify(await buildExport({ actor: driver }))).toContain(car.service.id);
    await db.holding.update({ where: { id: car.driver.id }, data: { endedAt: new Date(), endReason: "DRIVER_ACCESS_ENDED" } });
    expect(JSON.stringify(await buildExport({ actor: driver }))).not.toContain(car.service.id);
  });
});

/** Every text and JSON column of every table holding `needle`, as "Table.column" (information_schema). */
async function scan(needle: string): Promise<{ column: string; ids: string[] }[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
      AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))`;
  expect(columns.length).toBeGreaterThan(50);
  const hits: { column: string; ids: string[] }[] = [];
  for (const c of columns) {
    const ID_COLUMN: Record<string, string> = { RateLimitBucket: "key", SupersededInvitationLink: "tokenHash", CarPhoto: "holdingId", JobLease: "name", HandoverContract: "contractId" };
    const idColumn = ID_COLUMN[c.table_name] ?? "id";
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "${idColumn}"::text AS id FROM "${c.table_name}" WHERE position(lower($1) in lower("${c.column_name}"::text)) > 0`,
      needle,
    );
    if (rows.length) hits.push({ column: `${c.table_name}.${c.column_name}`, ids: rows.map((r) => r.id) });
  }
  return hits;
}

describe("erasure", () => {
  it("removes every car as in flow 4, ends invitations, transfers and sessions, and leaves the address and name only where decision 0031 keeps them", async () => {
    const car = await ownedVehicle();
    const owner = car.owner;
    const actor = await actorFor(owner.id);
    const address = owner.email;
    // Data about the owner in every place it can be.
    await updateProfile({ actor, profile: profile({ firstName: owner.firstName, lastName: owner.lastName, street: "Keizersgracht 1", mobile: "+31 6 12345678" }) });
    await db.holding.update({ where: { id: car.holding.id }, data: { nickname: `${owner.firstName}'s car` } });
    const session = await createSession(owner.id);
    await requestConsent({ actor, purpose: "NEWSLETTER" });
    await requestEmailChange({ actor, email: uniqueEmail("next"), currentPassword: PASSWORD });
    await transaction((tx) => leaveMessage(tx, { userId: owner.id, kind: "contract_ending", data: { name: owner.firstName } }));
    await admitAccountMail(address);
    const dealer = await dealerStaff("ADMIN");
    const pending = await invite(dealer, { email: address });
    const staff = await createUser();
    const facts = await db.verifiedFacts.create({
      data: { holdingId: car.holding.id, verifiedById: staff.id, idDocumentType: "PASSPORT", fullName: `${owner.firstName} ${owner.lastName}`, dateOfBirth: new Date("1980-04-02"), placeOfBirth: "Zwolle", address: "Keizersgracht 1", documentValidUntil: new Date("2030-01-01"), vin: car.vehicle.vin, registeredOwnerName: `${owner.firstName} ${owner.lastName}`, registeredOwnerAddress: "Keizersgracht 1" },
    });
    const garage = await createOrganisation("GARAGE");
    const stock = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "911", modelYear: 2023 } });
    const passport = await db.passport.create({ data: { vehicleId: stock.id, garageId: garage.id, createdById: staff.id, contactName: `${owner.firstName} ${owner.lastName}`, contactEmail: address, status: "SOLD" } });
    const transfer = await db.passportTransfer.create({
      data: { passportId: passport.id, fromOrganisationId: garage.id, toUserId: owner.id, email: address, name: `${owner.firstName} ${owner.lastName}`, street: "Keizersgracht 1", tokenHash: hashToken(uid() + uid()), confirmedById: staff.id, expiresAt: new Date(Date.now() + 7 * DAY) },
    });
    // A driver invitation to the address, an appointment, a car photo, an attachment named after the owner.
    const otherCar = await ownedVehicle();
    const driverInvite = await db.driverInvitation.create({ data: { tokenHash: hashToken(uid() + uid()), email: address, ownerHoldingId: otherCar.holding.id, expiresAt: new Date(Date.now() + 7 * DAY) } });
    const appointment = await db.appointment.create({ data: { vehicleId: car.vehicle.id, userId: owner.id, organisationId: garage.id, reason: "SERVICE", note: `Call ${owner.firstName}`, preferredTimes: [new Date("2030-01-07T09:00:00Z")] } });
    const photoKey = newStorageKey();
    await getPhotoStorage().put(photoKey, Buffer.from("jpeg"));
    await db.carPhoto.create({ data: { holdingId: car.holding.id, storageKey: photoKey, mimeType: "image/jpeg", sizeBytes: 4, width: 1, height: 1 } });
    const attachment = await db.serviceAttachment.create({
      data: { serviceRecordId: car.service.id, storageKey: newStorageKey(), mimeType: "application/pdf", sizeBytes: 10, originalName: `Invoice ${owner.lastName}.PDF`, uploadedById: owner.id, holderId: owner.id },
    });
    // An e-mail sent long ago, still holding the address and name.
    await db.outboxEmail.updateMany({ where: { to: address, template: "consent-confirm" }, data: { status: "SENT", sentAt: new Date() } });

    await expectAppError(eraseAccount({ actor, password: "wrong-password", understood: true }), "VALIDATION", "current_password_wrong");
    await expectAppError(eraseAccount({ actor, password: PASSWORD, understood: false }), "VALIDATION", "confirm_required");
    expect(await eraseAccount({ actor, password: PASSWORD, understood: true })).toEqual({ cars: 1 });

    // Flow 4: the car left the garage, contracts cancelled without renewal, the driver's access ended.
    expect(await db.holding.findUniqueOrThrow({ where: { id: car.holding.id } })).toMatchObject({ endReason: "REMOVED", nickname: null });
    for (const c of car.active) expect(await db.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "CANCELLED", autoRenew: false });
    expect((await db.holding.findUniqueOrThrow({ where: { id: car.driver.id } })).endedAt).not.toBeNull();
    expect((await db.invitation.findUniqueOrThrow({ where: { id: pending.invitationId } })).status).toBe("REVOKED");
    expect((await db.passportTransfer.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe("CANCELLED");
    expect(await db.authSession.findUnique({ where: { id: session.id } })).toBeNull();
    expect(await db.driverInvitation.findUniqueOrThrow({ where: { id: driverInvite.id } })).toMatchObject({ status: "LAPSED", email: erasedEmail(owner.id) });
    expect(await db.appointment.findUnique({ where: { id: appointment.id } })).toBeNull();
    expect(await db.carPhoto.findUnique({ where: { holdingId: car.holding.id } })).toBeNull();
    await expect(getPhotoStorage().get(photoKey)).rejects.toThrow();
    expect((await db.serviceAttachment.findUniqueOrThrow({ where: { id: attachment.id } })).originalName).toBe("attachment.pdf");
    const erased = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(erased).toMatchObject({ email: erasedEmail(owner.id), status: "DISABLED", passwordHash: null, firstName: "", street: null, mobile: null });
    // The audit keeps the pseudonym (the id), with the erasure itself.
    expect(await db.auditLog.count({ where: { subjectUserId: owner.id, action: "account.erased" } })).toBe(1);
    const closing = (await outboxFor(address)).map((m) => m.template);
    expect(closing).toEqual(expect.arrayContaining(["vehicle-removed", "account-erased"]));

    // The scan: only the verified facts (kept 5 years) and the closing e-mails still to be sent.
    const KEPT = new Set(["VerifiedFacts.fullName", "VerifiedFacts.registeredOwnerName", "OutboxEmail.to", "OutboxEmail.payload"]);
    const closingIds = new Set((await db.outboxEmail.findMany({ where: { to: address, status: "PENDING", redactAfter: { not: null } } })).map((m) => m.id));
    for (const needle of [address, owner.firstName, owner.lastName]) {
      for (const hit of await scan(needle)) {
        expect(KEPT.has(hit.column), `${needle} found in ${hit.column}`).toBe(true);
        if (hit.column.startsWith("OutboxEmail.")) for (const id of hit.ids) expect(closingIds.has(id), `${needle} in a sent e-mail ${id}`).toBe(true);
        if (hit.column.startsWith("VerifiedFacts.")) expect(hit.ids).toEqual([facts.id]);
      }
    }
    // Once sent, the retention job blanks the closing e-mails too.
    await db.outboxEmail.updateMany({ where: { id: { in: [...closingIds] } }, data: { status: "SENT", sentAt: new Date() } });
    await runRetention();
    for (const needle of [address, owner.firstName]) expect((await scan(needle)).map((h) => h.column).filter((c) => c.startsWith("OutboxEmail."))).toEqual([]);

    // The old address can sign up afresh.
    await signUp({ email: address, firstName: "New", lastName: "Person", password: "another-password-1", locale: "nl", address: uniqueAddress() });
    const fresh = await db.user.findUniqueOrThrow({ where: { email: address } });
    expect(fresh.id).not.toBe(owner.id);
    expect(fresh.status).toBe("INVITED");
  });

  it("the only administrator of an organisation is told to hand over first; with another administrator it goes through", async () => {
    const org = await createOrganisation("GARAGE");
    const admin = await createUser();
    await createMembership(admin.id, org.id, "ADMIN");
    const actor = await actorFor(admin.id);
    await expectAppError(eraseAccount({ actor, password: PASSWORD, understood: true }), "CONFLICT", "hand_over_first");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).erasedAt).toBeNull();
    const other = await createUser();
    await createMembership(other.id, org.id, "ADMIN");
    await eraseAccount({ actor, password: PASSWORD, understood: true });
    expect(await db.membership.count({ where: { userId: admin.id } })).toBe(0);
  });

  it("cross-tenant: erasing one account leaves another owner's account, cars and sessions as they were", async () => {
    const a = await ownedVehicle();
    const b = await ownedVehicle();
    const bSession = await createSession(b.owner.id);
    await eraseAccount({ actor: await actorFor(a.owner.id), password: PASSWORD, understood: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: b.owner.id } })).toMatchObject({ email: b.owner.email, status: "ACTIVE", erasedAt: null });
    expect((await db.holding.findUniqueOrThrow({ where: { id: b.holding.id } })).endedAt).toBeNull();
    expect((await db.authSession.findUniqueOrThrow({ where: { id: bSession.id } })).revokedAt).toBeNull();
  });
});

describe("retention job", () => {
  it("deletes what is due, and a second run deletes nothing (counts 0)", async () => {
    const now = new Date();
    const old = (days: number) => new Date(now.getTime() - days * DAY);
    const never = await createUser({ status: "INVITED" });
    await db.user.update({ where: { id: never.id }, data: { createdAt: old(31) } });
    const recent = await createUser({ status: "INVITED" });
    const owner = await createUser();
    const used = newToken();
    await db.authToken.create({ data: { userId: owner.id, kind: "PASSWORD_RESET", tokenHash: used.hash, expiresAt: old(7.5), usedAt: old(8) } });
    const live = newToken();
    await db.authToken.create({ data: { userId: owner.id, kind: "PASSWORD_RESET", tokenHash: live.hash, expiresAt: new Date(now.getTime() + DAY) } });
    const ended = await createSession(owner.id, { revokedAt: old(2) });
    const active = await createSession(owner.id);
    const mail = await db.outboxEmail.create({ data: { to: owner.email, locale: "nl", template: "password-changed", payload: { name: "Test" }, status: "SENT", createdAt: old(91) } });
    const fresh = await db.outboxEmail.create({ data: { to: owner.email, locale: "nl", template: "password-changed", payload: { name: "Test" }, status: "SENT" } });
    const consent = await db.consent.create({ data: { userId: owner.id, purpose: "MARKETING_POST", status: "PENDING", requestedAt: old(31) } });
    await db.rateLimitBucket.create({ data: { key: `retention-test:${uid()}`, count: 1, windowStart: old(2) } });
    const car = await ownedVehicle({ ownerId: owner.id });
    await db.holding.update({ where: { id: car.driver.id }, data: { endedAt: old(6 * 366), endReason: "DRIVER_ACCESS_ENDED" } });
    await db.holding.update({ where: { id: car.holding.id }, data: { endedAt: old(6 * 366), endReason: "REMOVED" } });
    const facts = await db.verifiedFacts.create({
      data: { holdingId: car.holding.id, verifiedById: owner.id, idDocumentType: "PASSPORT", fullName: "X Y", dateOfBirth: new Date("1980-01-01"), placeOfBirth: "Z", address: "A", documentValidUntil: new Date("2030-01-01"), vin: car.vehicle.vin, registeredOwnerName: "X Y", registeredOwnerAddress: "A" },
    });

    const first = await runRetention(now);
    for (const k of ["unactivatedAccounts", "tokens", "sessions", "outboxBodies", "pendingConsents", "rateLimits", "verifiedFacts"] as const) expect(first[k], k).toBeGreaterThanOrEqual(1);
    expect(await db.user.findUnique({ where: { id: never.id } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db.authToken.findUnique({ where: { tokenHash: used.hash } })).toBeNull();
    expect(await db.authToken.findUnique({ where: { tokenHash: live.hash } })).not.toBeNull();
    expect(await db.authSession.findUnique({ where: { id: ended.id } })).toBeNull();
    expect(await db.authSession.findUnique({ where: { id: active.id } })).not.toBeNull();
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ to: "", payload: {} });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ to: owner.email });
    expect(await db.consent.findUnique({ where: { id: consent.id } })).toBeNull();
    expect(await db.verifiedFacts.findUnique({ where: { id: facts.id } })).toBeNull();

    expect(await runRetention(now)).toEqual({ unactivatedAccounts: 0, tokens: 0, sessions: 0, outboxBodies: 0, pendingConsents: 0, rateLimits: 0, verifiedFacts: 0 });
  });
});
