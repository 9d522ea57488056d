/**
 * A buyer who already has an account (issue 17, docs/decisions/0034): starting a handover to their
 * address also leaves a message in their inbox, linking to the handover's page in their garage
 * (never the e-mailed link's token), where they accept or decline signed in. Nobody else reaches
 * that page or its actions; the message is settled once the handover is decided, and a withdrawal
 * is told there too.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { acceptHandover } from "@/lib/handover/accept-handover";
import { declineHandover } from "@/lib/handover/decline-handover";
import { withdrawHandover } from "@/lib/handover/withdraw-handover";
import { getOfferedHandover } from "@/lib/handover/queries";
import { renderMessage } from "@/lib/messages/render";
import { MESSAGES } from "@/i18n/messages";
import { getVehicleDossier } from "@/lib/vehicles/queries";
import { actorFor, createUser, uniqueEmail } from "../factories";
import { dealerStaff, expectAppError, ownerAccount } from "../factories/linking";
import { startedHandover } from "../factories/handover";

/** A handover to an address that has an active account. */
async function toExistingAccount() {
  const email = uniqueEmail("buyer");
  const user = await createUser({ email, locale: "en" });
  const s = await startedHandover(email);
  return { ...s, buyerUser: user, buyer: await actorFor(user.id) };
}

const offerOf = (userId: string) => db.message.findFirst({ where: { userId, kind: "handover_offered" } });

describe("an existing account's inbox", () => {
  it("gets a message linking to the handover's page in the garage, without the link's token or anything of the seller", async () => {
    const s = await toExistingAccount();
    const m = await offerOf(s.buyerUser.id);
    expect(m).toMatchObject({ readAt: null, vehicleId: null });
    expect(m!.data).toEqual({ car: "Porsche Macan", handoverId: s.handoverId, link: `/garage/handovers/${s.handoverId}` });
    const text = JSON.stringify(m!.data);
    expect(text).not.toContain(s.token);
    expect(text).not.toContain(s.car.owner.email);
    expect(text).not.toContain(s.car.owner.lastName);
    for (const locale of ["nl", "en", "fr"] as const) {
      const r = renderMessage(locale, MESSAGES[locale], { kind: m!.kind, data: m!.data as Record<string, string> });
      expect(r.known, locale).toBe(true);
      expect(r.title).toContain("Porsche Macan");
    }
    // The handover names the account its offer went to.
    expect((await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).offeredToId).toBe(s.buyerUser.id);
    // The buyer's audit holds the start too.
    expect(await db.auditLog.count({ where: { action: "handover.started", entityId: s.handoverId, subjectUserId: s.buyerUser.id } })).toBe(1);
  });

  it("an address without an account, or with one not yet activated, gets the e-mail only", async () => {
    const none = await startedHandover();
    expect(await db.message.count({ where: { kind: "handover_offered", data: { path: ["handoverId"], equals: none.handoverId } } })).toBe(0);
    const email = uniqueEmail("invited");
    const invited = await createUser({ email, status: "INVITED" });
    await startedHandover(email);
    expect(await offerOf(invited.id)).toBeNull();
  });

  it("the buyer opens the page signed in and accepts there: the car is theirs and the message is read", async () => {
    const s = await toExistingAccount();
    const view = await getOfferedHandover(s.buyer, s.handoverId);
    expect(view).toMatchObject({ id: s.handoverId, state: "open", buyerName: "Bram Koper", car: { make: "Porsche", model: "Macan" } });
    expect(JSON.stringify(view)).not.toContain(s.car.owner.email);
    expect(JSON.stringify(view)).not.toContain(s.car.owner.id);
    await acceptHandover({ actor: s.buyer, handoverId: s.handoverId });
    expect(await getVehicleDossier(s.buyer, s.car.vehicle.id)).not.toBeNull();
    expect((await offerOf(s.buyerUser.id))!.readAt).not.toBeNull();
    expect(await getOfferedHandover(s.buyer, s.handoverId)).toMatchObject({ state: "accepted", buyerHolds: true });
    // Accepting again, by id or by the link, changes nothing.
    await expectAppError(acceptHandover({ actor: s.buyer, handoverId: s.handoverId }), "GONE", "handover_used");
  });

  it("the buyer declines there: the seller keeps the car and the message is read", async () => {
    const s = await toExistingAccount();
    await declineHandover({ actor: s.buyer, handoverId: s.handoverId });
    expect((await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).status).toBe("DECLINED");
    expect((await offerOf(s.buyerUser.id))!.readAt).not.toBeNull();
    expect(await getVehicleDossier(s.seller, s.car.vehicle.id)).not.toBeNull();
  });

  it("a withdrawal settles the offer and is told in the inbox too", async () => {
    const s = await toExistingAccount();
    await withdrawHandover({ actor: s.seller, handoverId: s.handoverId });
    expect((await offerOf(s.buyerUser.id))!.readAt).not.toBeNull();
    const told = await db.message.findFirstOrThrow({ where: { userId: s.buyerUser.id, kind: "handover_withdrawn" } });
    expect(told.data).toMatchObject({ car: "Porsche Macan", link: `/garage/handovers/${s.handoverId}` });
    expect(await getOfferedHandover(s.buyer, s.handoverId)).toMatchObject({ state: "withdrawn" });
    await expectAppError(acceptHandover({ actor: s.buyer, handoverId: s.handoverId }), "GONE", "handover_withdrawn");
  });

  it("deciding settles only the message of this offer, in the account it went to, even after that account changed its address", async () => {
    const s = await toExistingAccount();
    const other = await toExistingAccount();
    // The offered account moves to another address before the seller withdraws.
    await db.user.update({ where: { id: s.buyerUser.id }, data: { email: uniqueEmail("moved") } });
    // A second offer in the same inbox, of another car, stays unread.
    const second = await startedHandover((await db.user.findUniqueOrThrow({ where: { id: other.buyerUser.id } })).email);
    // So does a message naming this handover in an inbox it was never offered to.
    const stranger = await createUser({ email: uniqueEmail("stranger") });
    await db.message.create({ data: { userId: stranger.id, kind: "handover_offered", data: { car: "Porsche Macan", handoverId: s.handoverId } } });
    await withdrawHandover({ actor: s.seller, handoverId: s.handoverId });
    expect((await offerOf(s.buyerUser.id))!.readAt).not.toBeNull();
    expect((await offerOf(stranger.id))!.readAt).toBeNull();
    // The moved account is told of the withdrawal in the inbox it was offered in, and its audit
    // holds the withdrawal beside the start.
    expect(await db.message.count({ where: { userId: s.buyerUser.id, kind: "handover_withdrawn" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: { in: ["handover.started", "handover.withdrawn"] }, entityId: s.handoverId, subjectUserId: s.buyerUser.id } })).toBe(2);
    const othersOffers = await db.message.findMany({ where: { userId: other.buyerUser.id, kind: "handover_offered" }, select: { readAt: true, data: true } });
    expect(othersOffers.map((m) => (m.data as { handoverId: string }).handoverId).sort()).toEqual([other.handoverId, second.handoverId].sort());
    expect(othersOffers.every((m) => m.readAt === null)).toBe(true);
    await declineHandover({ actor: other.buyer, handoverId: other.handoverId });
    const after = await db.message.findMany({ where: { userId: other.buyerUser.id, kind: "handover_offered" }, select: { readAt: true, data: true } });
    expect(after.find((m) => (m.data as { handoverId: string }).handoverId === other.handoverId)!.readAt).not.toBeNull();
    expect(after.find((m) => (m.data as { handoverId: string }).handoverId === second.handoverId)!.readAt).toBeNull();
  });

  it("nobody but the addressed account reaches the page or accepts or declines by id: another owner, the seller, the driver and dealer staff get NOT_FOUND", async () => {
    const s = await toExistingAccount();
    const others = [await actorFor((await ownerAccount()).user.id), s.seller, await actorFor(s.car.driverUser.id), (await dealerStaff()).actor];
    for (const actor of others) {
      expect(await getOfferedHandover(actor, s.handoverId)).toBeNull();
      await expectAppError(acceptHandover({ actor, handoverId: s.handoverId }), "NOT_FOUND");
      await expectAppError(declineHandover({ actor, handoverId: s.handoverId }), "NOT_FOUND");
    }
    await expectAppError(acceptHandover({ actor: s.buyer, handoverId: "no-such-handover" }), "NOT_FOUND");
    expect((await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).status).toBe("PENDING");
  });
});
