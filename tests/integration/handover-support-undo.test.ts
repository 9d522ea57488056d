/**
 * Support decides (issue 17, docs/decisions/0034): once the seller's own 48 hours are over, or the
 * buyer opened the car, support undoes an accepted handover with a reason. The same transaction as
 * the seller's undo, exactly once, refused when the buyer no longer holds the car; both parties are
 * told and both audits hold the step, neither with the other's personal data. Only support.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { today } from "@/lib/server/dates";
import { supportUndoHandover } from "@/lib/handover/support-undo-handover";
import { undoHandover } from "@/lib/handover/undo-handover";
import { startHandover } from "@/lib/handover/start-handover";
import { acceptHandover } from "@/lib/handover/accept-handover";
import { markHandoverOpened } from "@/lib/handover/mark-opened";
import { getSellerHandover } from "@/lib/handover/queries";
import { getSupportHandover, listSupportHandovers } from "@/lib/handover/support-queries";
import { SupportUndoHandoverInput } from "@/lib/handover/schemas";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { getVehicleDossier } from "@/lib/vehicles/queries";
import { renderMessage } from "@/lib/messages/render";
import { MESSAGES } from "@/i18n/messages";
import { renderEmail, type EmailPayloads } from "@/emails";
import { actorFor, createUser, outboxFor, uniqueEmail } from "../factories";
import { dealerStaff, expectAppError, ownerAccount } from "../factories/linking";
import { garageStaff, randomNlPlate } from "../factories/passports";
import { supportUser } from "../factories/verification";
import { acceptedHandover, handoverRow, startedHandover } from "../factories/handover";

const HOUR = 3_600_000;
const REASON = "Both parties confirmed to support that the sale was cancelled.";
const later = (hours: number) => new Date(Date.now() + hours * HOUR);

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? `${r.reason.code}:${r.reason.messageKey}` : `unexpected: ${String(r.reason)}`;

/** An accepted handover whose buyer opened the car: the seller can no longer undo it. */
async function opened() {
  const a = await acceptedHandover();
  expect(await markHandoverOpened(a.buyer, a.car.vehicle.id)).toBe(true);
  return a;
}

describe("support undoes an accepted handover", () => {
  it("after the buyer opened the car: the car and its contracts go back to the seller, both are told with the reason, both audits hold it", async () => {
    const a = await opened();
    await expectAppError(undoHandover({ actor: a.seller, handoverId: a.handoverId }), "CONFLICT", "handover_undo_opened");
    const support = await supportUser();
    const r = await supportUndoHandover({ actor: support, handoverId: a.handoverId, reason: REASON });
    expect(r).toEqual({ vehicleId: a.car.vehicle.id, handoverId: a.handoverId });

    expect(await handoverRow(a.handoverId)).toMatchObject({ status: "UNDONE", undoneById: support.userId, undoReason: REASON });
    expect(await db.holding.findUniqueOrThrow({ where: { id: a.car.holding.id } })).toMatchObject({ endedAt: null, endReason: null });
    expect(await db.holding.findFirstOrThrow({ where: { vehicleId: a.car.vehicle.id, userId: a.buyerUser.id, kind: "OWNER" } })).toMatchObject({ endReason: "HANDOVER_UNDONE" });
    expect(await db.contract.findUniqueOrThrow({ where: { id: a.connect.id } })).toMatchObject({ holdingId: a.car.holding.id, status: "ACTIVE" });
    expect(await db.contract.findUniqueOrThrow({ where: { id: a.charging.id } })).toMatchObject({ status: "ACTIVE", autoRenew: true });
    expect(await getVehicleDossier(a.buyer, a.car.vehicle.id)).toBeNull();
    expect(await getVehicleDossier(a.seller, a.car.vehicle.id)).not.toBeNull();

    // Both told, by e-mail and in the inbox, with support's reason and nothing of the other party.
    const buyerMail = (await outboxFor(a.buyerEmail)).find((m) => m.template === "handover-undone-support")!;
    const sellerMail = (await outboxFor(a.car.owner.email)).find((m) => m.template === "handover-undone-support-seller")!;
    const buyerText = (await renderEmail("handover-undone-support", buyerMail.locale, buyerMail.payload as EmailPayloads["handover-undone-support"])).text;
    const sellerText = (await renderEmail("handover-undone-support-seller", sellerMail.locale, sellerMail.payload as EmailPayloads["handover-undone-support-seller"])).text;
    expect(buyerText).toContain(REASON);
    expect(sellerText).toContain(REASON);
    expect(sellerText).toContain(`/nl/garage/vehicles/${a.car.vehicle.id}`);
    expect(buyerText).not.toContain(a.car.owner.email);
    expect(buyerText).not.toContain(a.car.owner.lastName);
    expect(sellerText).not.toContain(a.buyerEmail);
    // The seller undid nothing themselves: no e-mail saying they did.
    expect((await outboxFor(a.car.owner.email)).map((m) => m.template)).not.toContain("handover-undone-seller");
    const buyerMessage = await db.message.findFirstOrThrow({ where: { userId: a.buyerUser.id, kind: "handover_undone_support" } });
    const sellerMessage = await db.message.findFirstOrThrow({ where: { userId: a.car.owner.id, kind: "handover_undone_support_seller" } });
    expect(sellerMessage.data).toMatchObject({ reason: REASON, link: `/garage/vehicles/${a.car.vehicle.id}` });
    for (const locale of ["nl", "en", "fr"] as const) {
      const m = renderMessage(locale, MESSAGES[locale], { kind: buyerMessage.kind, data: buyerMessage.data as Record<string, string> });
      expect(m.known).toBe(true);
      expect(m.body).toContain(REASON);
    }

    // Both audits: support is the actor, the reason in both rows, the buyer's name only in the seller's.
    const rows = await db.auditLog.findMany({ where: { action: "handover.undone", entityId: a.handoverId } });
    expect(rows.map((x) => x.subjectUserId).sort()).toEqual([a.car.owner.id, a.buyerUser.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ actorUserId: support.userId, actorRole: "support" });
      expect(row.data).toMatchObject({ reason: REASON, by: "support" });
      const text = JSON.stringify(row.data);
      expect(text).not.toContain(a.buyerEmail);
      expect(text).not.toContain(a.car.owner.email);
      expect(text).not.toContain(a.car.owner.lastName);
      expect(text).not.toContain(a.buyerUser.id);
      expect(text).not.toContain(a.car.owner.id);
    }
    expect(rows.find((x) => x.subjectUserId === a.buyerUser.id)!.data).not.toHaveProperty("buyerName");

    // The seller's page says support undid it, with the reason.
    expect(await getSellerHandover(a.seller, a.handoverId)).toMatchObject({ state: "undone_support", undoReason: REASON });
  });

  it("after 48 hours without the buyer opening the car", async () => {
    const a = await acceptedHandover();
    await expectAppError(undoHandover({ actor: a.seller, handoverId: a.handoverId, now: later(49) }), "CONFLICT", "handover_undo_late");
    await supportUndoHandover({ actor: await supportUser(), handoverId: a.handoverId, reason: REASON, now: later(49) });
    expect((await handoverRow(a.handoverId)).status).toBe("UNDONE");
  });

  it("not while the seller can still undo it themselves", async () => {
    const a = await acceptedHandover();
    await expectAppError(supportUndoHandover({ actor: await supportUser(), handoverId: a.handoverId, reason: REASON, now: later(47) }), "CONFLICT", "handover_seller_can_undo");
    expect((await handoverRow(a.handoverId)).status).toBe("ACCEPTED");
    expect(await getVehicleDossier(a.buyer, a.car.vehicle.id)).not.toBeNull();
  });

  it("exactly once: 10 concurrent undos by support give one undo, one e-mail each", async () => {
    const a = await opened();
    const supports = await Promise.all(Array.from({ length: 3 }, () => supportUser()));
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => supportUndoHandover({ actor: supports[i % 3]!, handoverId: a.handoverId, reason: REASON })));
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "CONFLICT:handover_not_accepted")).toBe(true);
    expect(await db.holding.count({ where: { vehicleId: a.car.vehicle.id, kind: "OWNER", endedAt: null } })).toBe(1);
    expect((await outboxFor(a.buyerEmail)).filter((m) => m.template === "handover-undone-support")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "handover.undone", entityId: a.handoverId } })).toBe(2);
  });

  it("racing the buyer's removal of the car: exactly one of them happens", async () => {
    for (let round = 0; round < 4; round++) {
      const a = await opened();
      const [removal, undo] = await Promise.allSettled([
        removeVehicle({ actor: a.buyer, vehicleId: a.car.vehicle.id, understood: true }),
        supportUndoHandover({ actor: await supportUser(), handoverId: a.handoverId, reason: REASON }),
      ]);
      const owners = await db.holding.findMany({ where: { vehicleId: a.car.vehicle.id, kind: "OWNER", endedAt: null } });
      if (undo.status === "fulfilled") {
        expect(outcome(removal)).toBe("NOT_FOUND:vehicle_not_held");
        expect(owners.map((o) => o.userId)).toEqual([a.car.owner.id]);
      } else {
        expect(outcome(removal)).toBe("ok");
        expect(outcome(undo)).toBe("CONFLICT:handover_car_moved_on");
        expect(owners).toEqual([]);
        expect((await handoverRow(a.handoverId)).status).toBe("ACCEPTED");
      }
    }
  });

  it("is refused when the buyer no longer holds the car: removed, or handed on again", async () => {
    const support = await supportUser();
    const removed = await opened();
    await removeVehicle({ actor: removed.buyer, vehicleId: removed.car.vehicle.id, understood: true });
    await expectAppError(supportUndoHandover({ actor: support, handoverId: removed.handoverId, reason: REASON }), "CONFLICT", "handover_car_moved_on");
    expect((await handoverRow(removed.handoverId)).status).toBe("ACCEPTED");
    expect(await db.holding.findUniqueOrThrow({ where: { id: removed.car.holding.id } })).toMatchObject({ endReason: "SOLD" });

    // The buyer sold it on to a third owner, who accepted.
    const onward = await opened();
    const thirdEmail = uniqueEmail("third");
    const next = await startHandover({
      actor: onward.buyer,
      vehicleId: onward.car.vehicle.id,
      buyerName: "Derde Eigenaar",
      buyerEmail: thirdEmail,
      buyerEmailConfirm: thirdEmail,
      locale: "nl",
      soldOn: today(),
      mileageKm: 16000,
      move: [],
    });
    const third = await actorFor((await createUser({ email: thirdEmail })).id);
    await acceptHandover({ actor: third, handoverId: next.handoverId });
    await expectAppError(supportUndoHandover({ actor: support, handoverId: onward.handoverId, reason: REASON }), "CONFLICT", "handover_car_moved_on");
    expect(await getVehicleDossier(third, onward.car.vehicle.id)).not.toBeNull();
    expect(await getSupportHandover(support, onward.handoverId)).toMatchObject({ canUndo: false, block: "car_moved_on" });
  });

  it("is refused when the seller's account is disabled: the car cannot go back to it", async () => {
    const a = await opened();
    await db.user.update({ where: { id: a.car.owner.id }, data: { status: "DISABLED" } });
    await expectAppError(supportUndoHandover({ actor: await supportUser(), handoverId: a.handoverId, reason: REASON }), "CONFLICT", "handover_seller_gone");
    expect((await handoverRow(a.handoverId)).status).toBe("ACCEPTED");
  });

  it("needs a reason: the schema refuses an empty or blank one on its field", () => {
    for (const reason of ["", "   ", undefined]) {
      const r = SupportUndoHandoverInput.safeParse({ handoverId: "h1", reason });
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reason", "undo_reason_required"]]);
    }
    expect(SupportUndoHandoverInput.safeParse({ handoverId: "h1", reason: "x".repeat(1001) }).error!.issues[0]!.message).toBe("too_long");
    expect(SupportUndoHandoverInput.safeParse({ handoverId: "h1", reason: " Sale cancelled.\nBoth agreed. " }).data).toEqual({ handoverId: "h1", reason: "Sale cancelled.\nBoth agreed." });
  });
});

describe("who may decide", () => {
  it("only support: an owner, the seller, the buyer, dealer staff, garage staff and an admin get NOT_FOUND, and nothing changes", async () => {
    const a = await opened();
    const admin = await actorFor((await createUser({ platformRole: "ADMIN" })).id);
    const others = [await actorFor((await ownerAccount()).user.id), a.seller, a.buyer, (await dealerStaff("ADMIN")).actor, (await garageStaff()).actor, admin];
    for (const actor of others) {
      await expectAppError(supportUndoHandover({ actor, handoverId: a.handoverId, reason: REASON }), "NOT_FOUND");
      await expectAppError(getSupportHandover(actor, a.handoverId), "NOT_FOUND");
      await expectAppError(listSupportHandovers(actor), "NOT_FOUND");
    }
    expect((await handoverRow(a.handoverId)).status).toBe("ACCEPTED");
  });

  it("a support member who is a party to the handover does not decide it, and a waiting handover is not support's", async () => {
    const a = await opened();
    await db.user.update({ where: { id: a.buyerUser.id }, data: { platformRole: "SUPPORT" } });
    const buyerAsSupport = await actorFor(a.buyerUser.id);
    await expectAppError(supportUndoHandover({ actor: buyerAsSupport, handoverId: a.handoverId, reason: REASON }), "NOT_FOUND");
    expect(await getSupportHandover(buyerAsSupport, a.handoverId)).toBeNull();

    const pending = (await startedHandover()).handoverId;
    const support = await supportUser();
    await expectAppError(supportUndoHandover({ actor: support, handoverId: pending, reason: REASON }), "NOT_FOUND");
    expect(await getSupportHandover(support, pending)).toBeNull();
  });
});

describe("support's list and page", () => {
  it("lists accepted handovers by plate or VIN, with whether the buyer opened the car, and shows both parties on the page", async () => {
    const a = await opened();
    const shown = randomNlPlate();
    const plate = shown.replace(/-/g, "");
    await db.licencePlate.create({ data: { vehicleId: a.car.vehicle.id, country: "NL", plate, validFrom: new Date() } });
    const support = await supportUser();
    for (const q of [a.car.vehicle.vin, a.car.vehicle.vin.slice(-8).toLowerCase(), plate, shown.toLowerCase()]) {
      const { items } = await listSupportHandovers(support, { q });
      expect(items.map((i) => i.id), q).toEqual([a.handoverId]);
      expect(items[0]).toMatchObject({ status: "ACCEPTED", car: "Porsche Macan", vin: a.car.vehicle.vin, sellerMayUndo: false });
      expect(items[0]!.openedAt).toBeInstanceOf(Date);
    }
    expect((await listSupportHandovers(support, { q: "NOSUCHVIN00000" })).items).toEqual([]);
    // The seller's window still open shows on a fresh one.
    const fresh = await acceptedHandover();
    expect((await listSupportHandovers(support, { q: fresh.car.vehicle.vin })).items[0]).toMatchObject({ sellerMayUndo: true, openedAt: null });
    expect(await getSupportHandover(support, fresh.handoverId)).toMatchObject({ canUndo: false, block: "seller_can_undo" });

    const page = await getSupportHandover(support, a.handoverId);
    expect(page).toMatchObject({
      status: "ACCEPTED",
      canUndo: true,
      block: null,
      seller: { email: a.car.owner.email },
      buyer: { typedName: "Bram Koper", email: a.buyerEmail },
    });
    await supportUndoHandover({ actor: support, handoverId: a.handoverId, reason: REASON });
    expect((await listSupportHandovers(support, { q: a.car.vehicle.vin })).items).toEqual([]);
    const undone = await listSupportHandovers(support, { q: a.car.vehicle.vin, state: "undone" });
    expect(undone.items).toMatchObject([{ id: a.handoverId, status: "UNDONE", undoneBySupport: true }]);
    expect(await getSupportHandover(support, a.handoverId)).toMatchObject({ status: "UNDONE", undoneBy: "support", undoReason: REASON, canUndo: false, block: "undone" });
  });
});
