/**
 * Every event that e-mails an owner also leaves exactly one message in their inbox, in the same
 * transaction as the e-mail: when the message cannot be written (a trigger refuses it for that
 * user), the whole change rolls back, e-mail included, and nothing else changed.
 */
import "@/tests/support/own-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/authz";
import { approveRequest } from "@/lib/verification/approve-request";
import { rejectRequest } from "@/lib/verification/reject-request";
import { claimRequest } from "@/lib/verification/claim-request";
import { purgeDocuments } from "@/lib/verification/purge-documents";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { acceptInvitation } from "@/lib/linking/accept-invitation";
import { disconnectHolding, relinkHolding } from "@/lib/linking/disconnect";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { confirmTransfer } from "@/lib/passports/confirm-transfer";
import { acceptTransfer } from "@/lib/passports/accept-transfer";
import { cancelTransfer } from "@/lib/passports/cancel-transfer";
import { runContracts } from "@/lib/contracts/run-contracts";
import { addDays } from "@/lib/server/dates";
import { actorFor, outboxFor } from "../factories";
import { dealerStaff, deskInput, invite, ownedVehicle, ownerAccount } from "../factories/linking";
import { confirmTo, garageStaff, stockPassport } from "../factories/passports";
import { facts, ownerActor, submittedRequest, supportUser } from "../factories/verification";

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE inbox_refused (user_id text PRIMARY KEY)`);
  await db.$executeRawUnsafe(`CREATE FUNCTION inbox_refuse() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM inbox_refused WHERE user_id = NEW."userId") THEN RAISE EXCEPTION 'inbox message refused for this test'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER inbox_refuse BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION inbox_refuse()`);
});

type Who = { id: string; email: string };

async function counts(who: Who) {
  return { messages: await db.message.count({ where: { userId: who.id } }), mails: (await outboxFor(who.email)).length };
}

/** With the recipient's message refused, the event fails or does nothing, and leaves no e-mail, no message and the same `state`. */
async function expectRolledBack(who: Who, act: () => Promise<unknown>, state: () => Promise<unknown>) {
  await db.$executeRawUnsafe(`INSERT INTO inbox_refused VALUES ($1)`, who.id);
  const before = { ...(await counts(who)), state: await state() };
  try {
    await act().catch(() => undefined);
    expect({ ...(await counts(who)), state: await state() }).toEqual(before);
  } finally {
    await db.$executeRawUnsafe(`DELETE FROM inbox_refused WHERE user_id = $1`, who.id);
  }
}

/** The event leaves exactly one message (of `kind`, linking to `link` unless undefined) and one e-mail (`template`) for the recipient. */
async function expectOne<T>(who: Who, kind: string, template: string, link: string | null | undefined, act: () => Promise<T>): Promise<T> {
  const before = await counts(who);
  const beforeMails = (await outboxFor(who.email)).map((m) => m.id);
  const result = await act();
  expect(await counts(who)).toEqual({ messages: before.messages + 1, mails: before.mails + 1 });
  const [m] = await db.message.findMany({ where: { userId: who.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 });
  expect(m).toMatchObject({ kind, readAt: null });
  if (link !== undefined) expect((m!.data as { link?: string }).link ?? null).toBe(link);
  const mail = (await outboxFor(who.email)).filter((x) => !beforeMails.includes(x.id));
  expect(mail.map((x) => x.template)).toEqual([template]);
  return result;
}

const user = (a: Actor): Who => ({ id: a.userId, email: a.email });

describe("verification decisions", () => {
  it("approved: one message linking to the car; rolled back with its e-mail", async () => {
    const support = await supportUser();
    const owner = await ownerActor("en");
    const r = await submittedRequest(owner);
    await claimRequest({ actor: support, requestId: r.requestId });
    const status = () => db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId }, select: { status: true } });
    await expectRolledBack(user(owner), () => approveRequest({ actor: support, ...facts(r.requestId, r.vin) }), status);
    const out = await expectOne(user(owner), "verification_approved", "verification-approved", undefined, () => approveRequest({ actor: support, ...facts(r.requestId, r.vin) }));
    const [m] = await db.message.findMany({ where: { userId: owner.userId } });
    expect(m!.data).toMatchObject({ link: `/garage/vehicles/${out.vehicleId}`, car: "Porsche Macan" });
  });

  it("rejected: one message linking to the request; rolled back with its e-mail", async () => {
    const support = await supportUser();
    const owner = await ownerActor("nl");
    const r = await submittedRequest(owner);
    await claimRequest({ actor: support, requestId: r.requestId });
    const input = { actor: support, requestId: r.requestId, reason: "ID_UNREADABLE" as const, note: undefined };
    const status = () => db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId }, select: { status: true } });
    await expectRolledBack(user(owner), () => rejectRequest(input), status);
    await expectOne(user(owner), "verification_rejected", "verification-rejected", `/garage/verifications/${r.requestId}`, () => rejectRequest(input));
  });

  it("expired: one message linking to the request; rolled back with its e-mail", async () => {
    const owner = await ownerActor("nl");
    const r = await submittedRequest(owner);
    const later = new Date(Date.now() + 40 * 86_400_000);
    const status = () => db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId }, select: { status: true } });
    await expectRolledBack(user(owner), () => purgeDocuments({ now: later, requestIds: [r.requestId] }), status);
    await expectOne(user(owner), "verification_expired", "verification-expired", `/garage/verifications/${r.requestId}`, () => purgeDocuments({ now: later, requestIds: [r.requestId] }));
  });
});

describe("linking", () => {
  it("desk: the owner gets vehicle_linked; a previous owner ownership_ended; each rolled back with its e-mail", async () => {
    const dealer = await dealerStaff();
    const first = await ownerAccount();
    const input = deskInput(dealer.actor, dealer.org.id, first.user);
    const holdings = () => db.holding.count({ where: { userId: first.user.id } });
    await expectRolledBack(first.user, () => verifyAtDesk(input), holdings);
    const { vehicleId } = await expectOne(first.user, "vehicle_linked", "vehicle-linked-desk", undefined, () => verifyAtDesk(input));
    const [m] = await db.message.findMany({ where: { userId: first.user.id } });
    expect(m!.data).toMatchObject({ link: `/garage/vehicles/${vehicleId}` });

    // A new owner at the desk, with the certificate in their name: the first owner is told.
    const second = await ownerAccount();
    const change = deskInput(dealer.actor, dealer.org.id, second.user, { vin: input.vin, confirmOwnershipChange: true });
    const owner = () => db.holding.findFirst({ where: { vehicleId, kind: "OWNER", endedAt: null }, select: { userId: true } });
    await expectRolledBack(first.user, () => verifyAtDesk(change), owner);
    const before = await db.message.count({ where: { userId: first.user.id } });
    await verifyAtDesk(change);
    const told = await db.message.findMany({ where: { userId: first.user.id }, skip: before });
    expect(told.map((x) => [x.kind, (x.data as { link?: string }).link ?? null])).toEqual([["ownership_ended", null]]);
    expect((await outboxFor(first.user.email)).filter((x) => x.template === "ownership-ended")).toHaveLength(1);
  });

  it("an accepted invitation: vehicle_linked; rolled back with its e-mail", async () => {
    const dealer = await dealerStaff();
    const buyer = await ownerAccount();
    const inv = await invite(dealer, { email: buyer.user.email });
    const holdings = () => db.holding.count({ where: { userId: buyer.user.id } });
    await expectRolledBack(buyer.user, () => acceptInvitation({ actor: buyer.actor, token: inv.token }), holdings);
    await expectOne(buyer.user, "vehicle_linked", "vehicle-linked", `/garage/vehicles/${inv.vehicleId}`, () => acceptInvitation({ actor: buyer.actor, token: inv.token }));
  });

  it("disconnected and relinked: one message each; rolled back with their e-mails", async () => {
    const dealer = await dealerStaff();
    const owner = await ownerAccount();
    const { holdingId, vehicleId } = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user));
    const state = () => db.holding.findUniqueOrThrow({ where: { id: holdingId }, select: { disconnectedAt: true } });
    await expectRolledBack(owner.user, () => disconnectHolding({ actor: dealer.actor, holdingId }), state);
    await expectOne(owner.user, "vehicle_disconnected", "vehicle-disconnected", `/garage/vehicles/${vehicleId}`, () => disconnectHolding({ actor: dealer.actor, holdingId }));
    await expectRolledBack(owner.user, () => relinkHolding({ actor: dealer.actor, holdingId, identityChecked: true }), state);
    await expectOne(owner.user, "vehicle_relinked", "vehicle-relinked", `/garage/vehicles/${vehicleId}`, () => relinkHolding({ actor: dealer.actor, holdingId, identityChecked: true }));
  });

  it("removed: vehicle_removed without a link; rolled back with its e-mail", async () => {
    const car = await ownedVehicle();
    const actor = await actorFor(car.owner.id);
    const state = () => db.holding.findUniqueOrThrow({ where: { id: car.holding.id }, select: { endedAt: true } });
    await expectRolledBack(car.owner, () => removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true }), state);
    await expectOne(car.owner, "vehicle_removed", "vehicle-removed", null, () => removeVehicle({ actor, vehicleId: car.vehicle.id, understood: true }));
  });
});

describe("transfers", () => {
  it("offered to an account: transfer_received linking to the garage; to an address without one: no message", async () => {
    const staff = await garageStaff();
    const { passportId } = await stockPassport(staff);
    const buyer = await ownerAccount();
    const pending = () => db.passportTransfer.count({ where: { passportId } });
    const input = { actor: staff.actor, passportId, name: "Bram Buyer", street: "Kerkstraat 1", postalCode: "3511 AB", city: "Utrecht", email: buyer.user.email, locale: "nl" as const };
    await expectRolledBack(buyer.user, () => confirmTransfer(input), pending);
    await expectOne(buyer.user, "transfer_received", "passport-transfer-offer", "/garage", () => confirmTransfer(input));

    const other = await stockPassport(staff);
    const newcomer = await confirmTo(staff, other.passportId);
    const account = await db.user.findUniqueOrThrow({ where: { email: newcomer.email } });
    expect(await db.message.count({ where: { userId: account.id } })).toBe(0);
  });

  it("accepted: transfer_completed linking to the car; withdrawn: transfer_withdrawn; each rolled back with its e-mail", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const buyer = await ownerAccount();
    const { transferId } = await confirmTo(staff, passportId, buyer.user.email);
    const status = () => db.passportTransfer.findUniqueOrThrow({ where: { id: transferId }, select: { status: true } });
    await expectRolledBack(buyer.user, () => acceptTransfer({ actor: buyer.actor, transferId }), status);
    await expectOne(buyer.user, "transfer_completed", "passport-transfer-completed", `/garage/vehicles/${vehicleId}`, () => acceptTransfer({ actor: buyer.actor, transferId }));

    const second = await stockPassport(staff);
    const other = await ownerAccount();
    const t2 = await confirmTo(staff, second.passportId, other.user.email);
    const status2 = () => db.passportTransfer.findUniqueOrThrow({ where: { id: t2.transferId }, select: { status: true } });
    await expectRolledBack(other.user, () => cancelTransfer({ actor: staff.actor, passportId: second.passportId }), status2);
    await expectOne(other.user, "transfer_withdrawn", "passport-transfer-withdrawn", null, () => cancelTransfer({ actor: staff.actor, passportId: second.passportId }));
  });

  it("withdrawn from an address that never activated its account: the e-mail only", async () => {
    const staff = await garageStaff();
    const { passportId } = await stockPassport(staff);
    const t = await confirmTo(staff, passportId);
    await cancelTransfer({ actor: staff.actor, passportId });
    const account = await db.user.findUniqueOrThrow({ where: { email: t.email } });
    expect(await db.message.count({ where: { userId: account.id } })).toBe(0);
    expect((await outboxFor(t.email)).map((m) => m.template)).toContain("passport-transfer-withdrawn");
  });
});

describe("contracts", () => {
  it("the ending notice, the renewal and the end: one message each; a refused message leaves the contract for the next run", async () => {
    const now = new Date("2028-01-10T08:00:00Z");
    const car = await ownedVehicle();
    await db.contract.update({ where: { id: car.active[1]!.id }, data: { endsAt: new Date("2099-01-01T00:00:00Z") } });
    const id = car.active[0]!.id;
    await db.contract.update({ where: { id }, data: { endsAt: addDays(now, 12), autoRenew: true } });
    const row = () => db.contract.findUniqueOrThrow({ where: { id }, select: { status: true, endsAt: true, endingNoticeSentAt: true } });
    await expectRolledBack(car.owner, async () => expect((await runContracts(now)).failed).toBeGreaterThan(0), row);
    const link = `/garage/vehicles/${car.vehicle.id}`;
    await expectOne(car.owner, "contract_ending", "contract-ending", link, () => runContracts(now));
    const end = addDays(now, 12);
    await expectRolledBack(car.owner, () => runContracts(end), row);
    await expectOne(car.owner, "contract_renewed", "contract-renewed", link, () => runContracts(end));
    await db.contract.update({ where: { id }, data: { autoRenew: false, endingNoticeSentAt: end } });
    const next = (await row()).endsAt!;
    await expectRolledBack(car.owner, () => runContracts(next), row);
    await expectOne(car.owner, "contract_ended", "contract-ended", link, () => runContracts(next));
  });
});
