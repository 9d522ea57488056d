/**
 * Handover between owners (issue 17, docs/decisions/0034): the seller starts, withdraws or undoes;
 * the addressed buyer accepts or declines within 14 days; acceptance is one transaction that wins
 * once against other acceptances, a removal and a change of owner at the desk.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { today } from "@/lib/server/dates";
import { startHandover } from "@/lib/handover/start-handover";
import { withdrawHandover } from "@/lib/handover/withdraw-handover";
import { acceptHandover, acceptHandoverWithNewAccount } from "@/lib/handover/accept-handover";
import { declineHandover, declineHandoverByToken } from "@/lib/handover/decline-handover";
import { undoHandover } from "@/lib/handover/undo-handover";
import { markHandoverOpened } from "@/lib/handover/mark-opened";
import { getBuyerHandover, getSellerHandover } from "@/lib/handover/queries";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { getVehicleDossier } from "@/lib/vehicles/queries";
import { buildExport } from "@/lib/privacy/export";
import { eraseAccount } from "@/lib/privacy/erase";
import { renderEmail, type EmailPayloads } from "@/emails";
import { actorFor, createUser, outboxFor, PASSWORD, uniqueAddress, uniqueEmail } from "../factories";
import { acceptedHandover, startedHandover } from "../factories/handover";
import { dealerStaff, deskInput, expectAppError, ownedVehicle, ownerAccount } from "../factories/linking";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? `${r.reason.code}:${r.reason.messageKey}` : `unexpected: ${String(r.reason)}`;

// The factory's handover of a fresh owned car, and one accepted by a buyer with an account.
const started = startedHandover;
const accepted = () => acceptedHandover();

describe("starting a handover", () => {
  it("stores only the link's hash, e-mails the buyer in the chosen language without the seller's name, and audits the seller", async () => {
    const s = await started();
    const h = await db.handover.findUniqueOrThrow({ where: { id: s.handoverId }, include: { contracts: true } });
    expect(h).toMatchObject({ status: "PENDING", buyerEmail: s.buyerEmail, buyerName: "Bram Koper", mileageKm: 15000, sellerHoldingId: s.car.holding.id });
    expect(h.tokenHash).not.toContain(s.token);
    expect(h.expiresAt.getTime() - h.createdAt.getTime()).toBe(14 * DAY);
    expect(h.contracts.map((c) => [c.contractId, c.moves]).sort()).toEqual([[s.charging.id, false], [s.connect.id, true]].sort());
    const mail = (await outboxFor(s.buyerEmail))[0]!;
    const text = (await renderEmail("handover-offer", mail.locale, mail.payload as EmailPayloads["handover-offer"])).text;
    expect(text).toContain("Porsche Macan");
    expect(text).toContain(`/nl/handovers/${s.token}`);
    expect(text).not.toContain(s.car.owner.email);
    expect(text).not.toContain(s.car.owner.lastName);
    expect(await db.auditLog.count({ where: { action: "handover.started", entityId: h.id, subjectUserId: s.car.owner.id } })).toBe(1);
  });

  it("only the car's owner starts one: another owner, a driver of the car and dealer staff get NOT_FOUND, nothing is sent", async () => {
    const car = await ownedVehicle();
    const email = uniqueEmail("nobody");
    const input = { vehicleId: car.vehicle.id, buyerName: "X", buyerEmail: email, buyerEmailConfirm: email, locale: "nl" as const, soldOn: today(), mileageKm: 20000, move: [] };
    const others = [await actorFor((await ownerAccount()).user.id), await actorFor(car.driverUser.id), (await dealerStaff()).actor];
    for (const actor of others) await expectAppError(startHandover({ actor, ...input }), "NOT_FOUND");
    expect(await db.handover.count({ where: { vehicleId: car.vehicle.id } })).toBe(0);
    expect(await outboxFor(email)).toHaveLength(0);
  });

  it("refuses the seller's own address, a contract that cannot go with the car, a lower mileage, and a second waiting handover", async () => {
    const s = await started();
    const base = { actor: s.seller, vehicleId: s.car.vehicle.id, buyerName: "Y", locale: "nl" as const, soldOn: today(), mileageKm: 16000, move: [] as string[] };
    const own = s.car.owner.email;
    await expectAppError(startHandover({ ...base, buyerEmail: own, buyerEmailConfirm: own }), "VALIDATION", "handover_to_self");
    const other = uniqueEmail("b2");
    await expectAppError(startHandover({ ...base, buyerEmail: other, buyerEmailConfirm: other }), "CONFLICT", "handover_pending");
    await withdrawHandover({ actor: s.seller, handoverId: s.handoverId });
    await expectAppError(startHandover({ ...base, buyerEmail: other, buyerEmailConfirm: other, move: [s.charging.id] }), "VALIDATION", "contract_not_transferable");
    await expectAppError(startHandover({ ...base, buyerEmail: other, buyerEmailConfirm: other, mileageKm: 100 }), "VALIDATION", "mileage_lower");
    expect(await db.handover.count({ where: { vehicleId: s.car.vehicle.id, status: "PENDING" } })).toBe(0);
  });
});

describe("accepting", () => {
  it("moves the car, its history and the chosen contracts to the buyer in one go; the seller and their driver lose access", async () => {
    const a = await accepted();
    const seller = await db.holding.findUniqueOrThrow({ where: { id: a.car.holding.id } });
    expect(seller.endReason).toBe("SOLD");
    const buyerHolding = await db.holding.findFirstOrThrow({ where: { vehicleId: a.car.vehicle.id, kind: "OWNER", endedAt: null } });
    expect(buyerHolding).toMatchObject({ userId: a.buyerUser.id, origin: "HANDOVER" });
    expect(await db.contract.findUniqueOrThrow({ where: { id: a.connect.id } })).toMatchObject({ holdingId: buyerHolding.id, status: "ACTIVE" });
    expect(await db.contract.findUniqueOrThrow({ where: { id: a.charging.id } })).toMatchObject({ holdingId: a.car.holding.id, status: "CANCELLED", cancellationReason: "vehicle_sold" });
    expect(await db.holding.findUniqueOrThrow({ where: { id: a.car.driver.id } })).toMatchObject({ endReason: "DRIVER_ACCESS_ENDED" });
    // Access is read on every request: the seller and the driver see nothing, the buyer the car with its history.
    expect(await getVehicleDossier(a.seller, a.car.vehicle.id)).toBeNull();
    expect(await getVehicleDossier(await actorFor(a.car.driverUser.id), a.car.vehicle.id)).toBeNull();
    const dossier = await getVehicleDossier(a.buyer, a.car.vehicle.id);
    expect(dossier?.contracts.map((c) => c.product)).toEqual(["CONNECT"]);
    const reading = await db.serviceRecord.findFirstOrThrow({ where: { vehicleId: a.car.vehicle.id, kind: "HANDOVER" } });
    expect(reading).toMatchObject({ mileageKm: 15000, source: "OWNER", recordedById: a.car.owner.id });
    expect((await db.vehicle.findUniqueOrThrow({ where: { id: a.car.vehicle.id } })).mileageKm).toBe(15000);
    // Both are told and both audits hold the step, neither with the other's personal data.
    expect((await outboxFor(a.car.owner.email)).map((m) => m.template)).toContain("handover-accepted");
    expect((await outboxFor(a.buyerEmail)).map((m) => m.template)).toContain("handover-completed");
    const rows = await db.auditLog.findMany({ where: { action: "handover.accepted", entityId: a.handoverId } });
    expect(rows.map((r) => r.subjectUserId).sort()).toEqual([a.car.owner.id, a.buyerUser.id].sort());
    for (const r of rows) {
      const text = JSON.stringify(r.data);
      expect(text).not.toContain(a.buyerEmail);
      expect(text).not.toContain(a.car.owner.email);
      expect(text).not.toContain(a.car.owner.lastName);
    }
    const sellerView = await getSellerHandover(a.seller, a.handoverId);
    expect(sellerView).toMatchObject({ state: "accepted", canUndo: true, buyerName: "Bram Koper" });
  });

  it("a new buyer creates the account from the link and accepts at once", async () => {
    const s = await started();
    const r = await acceptHandoverWithNewAccount({ token: s.token, firstName: "Bram", lastName: "Koper", password: PASSWORD, locale: "en", address: uniqueAddress() });
    expect(r.email).toBe(s.buyerEmail);
    const user = await db.user.findUniqueOrThrow({ where: { email: s.buyerEmail } });
    expect(user).toMatchObject({ status: "ACTIVE", locale: "en" });
    expect(await db.holding.findFirst({ where: { vehicleId: s.car.vehicle.id, userId: user.id, kind: "OWNER", endedAt: null } })).not.toBeNull();
  });

  it("20 concurrent acceptances give exactly one owner and one acceptance", async () => {
    const s = await started();
    const user = await createUser({ email: s.buyerEmail });
    const buyer = await actorFor(user.id);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => acceptHandover({ actor: buyer, token: s.token })));
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "GONE:handover_used")).toBe(true);
    expect(await db.holding.count({ where: { vehicleId: s.car.vehicle.id, kind: "OWNER", endedAt: null } })).toBe(1);
    expect(await db.holding.count({ where: { vehicleId: s.car.vehicle.id, kind: "OWNER", userId: user.id } })).toBe(1);
    expect(await db.serviceRecord.count({ where: { vehicleId: s.car.vehicle.id, kind: "HANDOVER" } })).toBe(1);
    expect((await outboxFor(s.car.owner.email)).filter((m) => m.template === "handover-accepted")).toHaveLength(1);
  });

  it("racing the owner's removal: exactly one of them happens", async () => {
    for (let round = 0; round < 4; round++) {
      const s = await started();
      const buyer = await actorFor((await createUser({ email: s.buyerEmail })).id);
      const [removal, acceptance] = await Promise.allSettled([
        removeVehicle({ actor: s.seller, vehicleId: s.car.vehicle.id, understood: true }),
        acceptHandover({ actor: buyer, token: s.token }),
      ]);
      const h = await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } });
      const owners = await db.holding.findMany({ where: { vehicleId: s.car.vehicle.id, kind: "OWNER", endedAt: null } });
      if (acceptance.status === "fulfilled") {
        expect(outcome(removal)).toBe("NOT_FOUND:vehicle_not_held");
        expect(h.status).toBe("ACCEPTED");
        expect(owners.map((o) => o.userId)).toEqual([buyer.userId]);
      } else {
        expect(outcome(removal)).toBe("ok");
        expect(outcome(acceptance)).toBe("GONE:handover_withdrawn");
        expect(h.status).toBe("LAPSED");
        expect(owners).toEqual([]);
      }
    }
  });

  it("racing a change of owner at the desk: exactly one new owner", async () => {
    for (let round = 0; round < 4; round++) {
      const s = await started();
      const buyer = await actorFor((await createUser({ email: s.buyerEmail })).id);
      const dealer = await dealerStaff();
      const other = await ownerAccount();
      const [desk, acceptance] = await Promise.allSettled([
        verifyAtDesk(deskInput(dealer.actor, dealer.org.id, other.user, { vin: s.car.vehicle.vin, confirmOwnershipChange: true })),
        acceptHandover({ actor: buyer, token: s.token }),
      ]);
      const owners = await db.holding.findMany({ where: { vehicleId: s.car.vehicle.id, kind: "OWNER", endedAt: null } });
      expect(owners).toHaveLength(1);
      const h = await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } });
      if (acceptance.status === "fulfilled") {
        expect(h.status).toBe("ACCEPTED");
        // The desk then changed the buyer's ownership in turn, or found it changed: either way one owner.
        expect([buyer.userId, other.user.id]).toContain(owners[0]!.userId);
      } else {
        expect(outcome(acceptance)).toBe("GONE:handover_withdrawn");
        expect(outcome(desk)).toBe("ok");
        expect(h.status).toBe("LAPSED");
        expect(owners[0]!.userId).toBe(other.user.id);
      }
    }
  });

  it("is refused after 14 days, and the car stays the seller's", async () => {
    const s = await started();
    const buyer = await actorFor((await createUser({ email: s.buyerEmail })).id);
    await expectAppError(acceptHandover({ actor: buyer, token: s.token, now: new Date(Date.now() + 14 * DAY + HOUR) }), "GONE", "handover_expired");
    expect(await db.holding.findUniqueOrThrow({ where: { id: s.car.holding.id } })).toMatchObject({ endedAt: null });
    expect((await getBuyerHandover(s.token, buyer, new Date(Date.now() + 15 * DAY)))?.state).toBe("expired");
  });
});

describe("who may act on a handover", () => {
  it("nobody but the seller withdraws: another owner, the car's driver and dealer staff get NOT_FOUND", async () => {
    const s = await started();
    const others = [await actorFor((await ownerAccount()).user.id), await actorFor(s.car.driverUser.id), (await dealerStaff()).actor];
    for (const actor of others) {
      await expectAppError(withdrawHandover({ actor, handoverId: s.handoverId }), "NOT_FOUND");
      await expectAppError(undoHandover({ actor, handoverId: s.handoverId }), "NOT_FOUND");
      expect(await getSellerHandover(actor, s.handoverId)).toBeNull();
    }
    expect((await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).status).toBe("PENDING");
  });

  it("nobody but the addressed buyer accepts or declines: another signed-in user, the seller and the driver get NOT_FOUND", async () => {
    const s = await started();
    const others = [await actorFor((await ownerAccount()).user.id), s.seller, await actorFor(s.car.driverUser.id), (await dealerStaff()).actor];
    for (const actor of others) {
      await expectAppError(acceptHandover({ actor, token: s.token }), "NOT_FOUND");
      await expectAppError(declineHandover({ actor, token: s.token }), "NOT_FOUND");
      expect(await getBuyerHandover(s.token, actor)).toBeNull();
    }
    expect((await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).status).toBe("PENDING");
    // Nothing of the seller reaches the buyer's view.
    const view = await getBuyerHandover(s.token, null);
    expect(JSON.stringify(view)).not.toContain(s.car.owner.email);
    expect(JSON.stringify(view)).not.toContain(s.car.owner.id);
  });
});

describe("declining and withdrawing", () => {
  it("a buyer without an account declines from the link; the seller is told and keeps the car", async () => {
    const s = await started();
    await declineHandoverByToken({ token: s.token });
    expect((await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).status).toBe("DECLINED");
    expect((await outboxFor(s.car.owner.email)).map((m) => m.template)).toContain("handover-declined");
    expect(await getVehicleDossier(s.seller, s.car.vehicle.id)).not.toBeNull();
    await expectAppError(declineHandoverByToken({ token: s.token }), "GONE", "handover_declined");
  });

  it("the seller withdraws until the buyer accepts; the link then accepts nothing", async () => {
    const s = await started();
    await withdrawHandover({ actor: s.seller, handoverId: s.handoverId });
    expect((await outboxFor(s.buyerEmail)).map((m) => m.template)).toContain("handover-withdrawn");
    const buyer = await actorFor((await createUser({ email: s.buyerEmail })).id);
    await expectAppError(acceptHandover({ actor: buyer, token: s.token }), "GONE", "handover_withdrawn");
    const a = await accepted();
    await expectAppError(withdrawHandover({ actor: a.seller, handoverId: a.handoverId }), "CONFLICT", "handover_not_pending");
  });
});

describe("undoing", () => {
  it("within 48 hours, before the buyer opened the car: the car and its contracts come back to the seller", async () => {
    const a = await accepted();
    await undoHandover({ actor: a.seller, handoverId: a.handoverId, now: new Date(Date.now() + 47 * HOUR) });
    expect(await db.holding.findUniqueOrThrow({ where: { id: a.car.holding.id } })).toMatchObject({ endedAt: null, endReason: null });
    expect(await db.holding.findFirstOrThrow({ where: { vehicleId: a.car.vehicle.id, userId: a.buyerUser.id, kind: "OWNER" } })).toMatchObject({ endReason: "HANDOVER_UNDONE" });
    expect(await db.contract.findUniqueOrThrow({ where: { id: a.connect.id } })).toMatchObject({ holdingId: a.car.holding.id, status: "ACTIVE" });
    expect(await db.contract.findUniqueOrThrow({ where: { id: a.charging.id } })).toMatchObject({ status: "ACTIVE", autoRenew: true, cancelledAt: null });
    expect(await getVehicleDossier(a.buyer, a.car.vehicle.id)).toBeNull();
    expect(await getVehicleDossier(a.seller, a.car.vehicle.id)).not.toBeNull();
    expect((await outboxFor(a.buyerEmail)).map((m) => m.template)).toContain("handover-undone");
    expect(await db.auditLog.count({ where: { action: "handover.undone", entityId: a.handoverId } })).toBe(2);
  });

  it("is refused once the buyer opened the car", async () => {
    const a = await accepted();
    expect(await markHandoverOpened(a.buyer, a.car.vehicle.id)).toBe(true);
    expect(await markHandoverOpened(a.buyer, a.car.vehicle.id)).toBe(false);
    await expectAppError(undoHandover({ actor: a.seller, handoverId: a.handoverId }), "CONFLICT", "handover_undo_opened");
    expect(await getVehicleDossier(a.buyer, a.car.vehicle.id)).not.toBeNull();
    expect(await getSellerHandover(a.seller, a.handoverId)).toMatchObject({ canUndo: false });
  });

  it("is refused after 48 hours", async () => {
    const a = await accepted();
    await expectAppError(undoHandover({ actor: a.seller, handoverId: a.handoverId, now: new Date(Date.now() + 49 * HOUR) }), "CONFLICT", "handover_undo_late");
    expect(await getVehicleDossier(a.buyer, a.car.vehicle.id)).not.toBeNull();
  });
});

describe("personal data", () => {
  it("both exports list the handover; the buyer's holds nothing of the seller, and erasing the buyer blanks their name and address", async () => {
    const a = await accepted();
    const sellerDoc = await buildExport({ actor: a.seller });
    const buyerDoc = await buildExport({ actor: a.buyer });
    expect(sellerDoc.handovers.map((h) => (h as { id: string }).id)).toContain(a.handoverId);
    expect(buyerDoc.handovers.map((h) => (h as { id: string }).id)).toContain(a.handoverId);
    const buyerHandover = JSON.stringify(buyerDoc.handovers);
    expect(buyerHandover).not.toContain(a.car.owner.id);
    expect(buyerHandover).not.toContain("tokenHash");
    expect(JSON.stringify(sellerDoc.handovers)).not.toContain(a.buyerEmail);
    await eraseAccount({ actor: a.buyer, password: PASSWORD, understood: true });
    expect(await db.handover.findUniqueOrThrow({ where: { id: a.handoverId } })).toMatchObject({ buyerName: "" });
  });

  it("an offer to the user's inbox at an address they changed since is in their export, and erasing them declines it and blanks them", async () => {
    const email = uniqueEmail("buyer");
    const user = await createUser({ email });
    const s = await startedHandover(email);
    await db.user.update({ where: { id: user.id }, data: { email: uniqueEmail("moved") } });
    const actor = await actorFor(user.id);
    expect((await buildExport({ actor })).handovers.map((h) => (h as { id: string }).id)).toContain(s.handoverId);
    await eraseAccount({ actor, password: PASSWORD, understood: true });
    expect(await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).toMatchObject({ status: "DECLINED", buyerName: "" });
    expect((await db.handover.findUniqueOrThrow({ where: { id: s.handoverId } })).buyerEmail).not.toBe(email);
  });
});
