/**
 * Undoing an accepted handover (docs/decisions/0034), one transaction function for both who may:
 * the seller within 48 hours while the buyer has not opened the car (a mistyped address), and
 * support after that ("support decides"), with a reason. Under the car's lock: the handover leaves
 * ACCEPTED once (a conditional update), the contracts that went with the car come back, the
 * buyer's holding ends (with any driver they added), the seller's holding runs again, the contracts
 * the handover cancelled run again with their renewal as it was, both audits get the step and both
 * parties are told. Drivers, appointments and a garage's service relationship that ended with the
 * sale stay ended. Refused when the buyer no longer holds the car (removed, or handed on again).
 */
import type { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import { leaveMessage } from "../messages/leave";
import { endOwnerHolding } from "../holdings/holdings";
import { lockVehicle } from "../holdings/vehicles";
import { isSerializationFailure, isUniqueViolation } from "../server/db-errors";
import { auditBoth, carOf, HOUR_MS, UNDO_HOURS } from "./common";

/** Who undoes: the seller themselves, or support with the reason both parties are told. */
export type UndoBy = { by: "seller" } | { by: "support"; reason: string };

const UNDO_SELECT = {
  id: true,
  vehicleId: true,
  sellerId: true,
  sellerHoldingId: true,
  buyerName: true,
  buyerId: true,
  buyerHoldingId: true,
  vehicle: { select: { make: true, model: true } },
  seller: { select: { email: true, locale: true, firstName: true } },
  buyer: { select: { email: true, locale: true, firstName: true } },
} as const;

/** Whether the seller may still undo it themselves: accepted less than 48 hours ago and not yet opened by the buyer. */
export function sellerMayUndo(h: { decidedAt: Date | null; buyerOpenedAt: Date | null }, now: Date): boolean {
  return !!h.decidedAt && !h.buyerOpenedAt && now.getTime() - h.decidedAt.getTime() <= UNDO_HOURS * HOUR_MS;
}

/**
 * Undoes the handover `where` finds (the caller scopes it to what the actor may undo: anything
 * else is NOT_FOUND), inside the caller's transaction.
 */
export async function undoAccepted(tx: Tx, input: { where: Prisma.HandoverWhereInput; actor: Actor; now: Date; undo: UndoBy }): Promise<{ vehicleId: string; handoverId: string }> {
  const { actor, now, undo } = input;
  const h = await tx.handover.findFirst({ where: input.where, select: UNDO_SELECT });
  if (!h) throw new AppError("NOT_FOUND");
  await lockVehicle(tx, h.vehicleId);
  // Read again under the lock: what an acceptance, an opening or another undo committed meanwhile.
  const state = await tx.handover.findUniqueOrThrow({
    where: { id: h.id },
    select: { status: true, decidedAt: true, buyerOpenedAt: true, buyerHolding: { select: { endedAt: true } }, seller: { select: { status: true, erasedAt: true } } },
  });
  if (state.status !== "ACCEPTED" || !state.decidedAt || !h.buyerHoldingId || !h.buyerId) throw new AppError("CONFLICT", "handover_not_accepted");
  if (undo.by === "seller") {
    if (state.buyerOpenedAt) throw new AppError("CONFLICT", "handover_undo_opened");
    if (!sellerMayUndo(state, now)) throw new AppError("CONFLICT", "handover_undo_late");
  } else if (sellerMayUndo(state, now)) {
    // Support decides once the seller no longer can; until then it is the seller's own undo.
    throw new AppError("CONFLICT", "handover_seller_can_undo");
  }
  // The buyer removed the car or it changed hands again: there is nothing to take back.
  if (!state.buyerHolding || state.buyerHolding.endedAt) throw new AppError("CONFLICT", "handover_car_moved_on");
  if (state.seller.erasedAt || state.seller.status !== "ACTIVE") throw new AppError("CONFLICT", "handover_seller_gone");

  // Decided on the row as it is at the write: once only, and for the seller only while the buyer
  // has not opened the car (an opening at this moment committed first, or finds the car gone).
  const won = await tx.handover.updateMany({
    where: { id: h.id, status: "ACCEPTED", ...(undo.by === "seller" ? { buyerOpenedAt: null } : {}) },
    data: { status: "UNDONE", undoneAt: now, ...(undo.by === "support" ? { undoneById: actor.userId, undoReason: undo.reason } : {}) },
  });
  if (won.count !== 1) throw new AppError("CONFLICT", undo.by === "seller" ? "handover_undo_opened" : "handover_not_accepted");

  const rows = await tx.handoverContract.findMany({ where: { handoverId: h.id }, select: { contractId: true, moves: true, autoRenew: true } });
  const moved = rows.filter((r) => r.moves).map((r) => r.contractId);
  await tx.contract.updateMany({ where: { id: { in: moved }, holdingId: h.buyerHoldingId }, data: { holdingId: h.sellerHoldingId } });
  const ended = await endOwnerHolding(tx, { holdingId: h.buyerHoldingId, vehicleId: h.vehicleId, reason: "HANDOVER_UNDONE", cancellationReason: "handover_undone", now, actor });
  const reopened = await tx.holding.updateMany({ where: { id: h.sellerHoldingId, endReason: "SOLD" }, data: { endedAt: null, endReason: null } });
  if (reopened.count !== 1) throw new AppError("CONFLICT", "handover_not_accepted");
  let restored = 0;
  for (const r of rows.filter((x) => !x.moves)) {
    const c = await tx.contract.findUnique({ where: { id: r.contractId }, select: { startsAt: true } });
    const back = await tx.contract.updateMany({
      where: { id: r.contractId, holdingId: h.sellerHoldingId, status: "CANCELLED", cancellationReason: "vehicle_sold" },
      data: { status: c?.startsAt ? "ACTIVE" : "PENDING", autoRenew: r.autoRenew, cancelledAt: null, cancellationReason: null },
    });
    restored += back.count;
  }

  const car = carOf(h);
  const counts = { contractsRestored: restored, driversEnded: ended.driversEnded };
  // Support's reason goes into both rows: both parties are told it (support writes it for both).
  await auditBoth(tx, actor, "handover.undone", h, h.buyerId, undo.by === "support" ? { ...counts, by: "support", reason: undo.reason } : { ...counts, by: "seller" });
  const carLink = `/garage/vehicles/${h.vehicleId}` as const;
  if (undo.by === "seller") {
    if (h.buyer) {
      await enqueueEmail(tx, { to: h.buyer.email, locale: h.buyer.locale, template: "handover-undone", payload: { name: h.buyer.firstName, car } });
      await leaveMessage(tx, { userId: h.buyerId, kind: "handover_undone", data: { car } });
    }
    await enqueueEmail(tx, { to: h.seller.email, locale: h.seller.locale, template: "handover-undone-seller", payload: { name: h.seller.firstName, car, url: appLink(h.seller.locale, carLink) } });
  } else {
    if (h.buyer) {
      await enqueueEmail(tx, { to: h.buyer.email, locale: h.buyer.locale, template: "handover-undone-support", payload: { name: h.buyer.firstName, car, reason: undo.reason } });
      await leaveMessage(tx, { userId: h.buyerId, kind: "handover_undone_support", data: { car, reason: undo.reason } });
    }
    await enqueueEmail(tx, {
      to: h.seller.email,
      locale: h.seller.locale,
      template: "handover-undone-support-seller",
      payload: { name: h.seller.firstName, car, reason: undo.reason, url: appLink(h.seller.locale, carLink) },
    });
    await leaveMessage(tx, { userId: h.sellerId, vehicleId: h.vehicleId, kind: "handover_undone_support_seller", data: { car, reason: undo.reason }, link: carLink });
  }
  return { vehicleId: h.vehicleId, handoverId: h.id };
}

/** How a lost race reads: a concurrent change of the car (PostgreSQL's serialization failure), or the buyer's holding still active. */
export function mapUndoRace(e: unknown, undo: UndoBy): never {
  if (isSerializationFailure(e)) throw new AppError("CONFLICT", undo.by === "seller" ? "handover_undo_opened" : "handover_not_accepted");
  // The one active owner per car (a unique violation): nothing was undone.
  if (isUniqueViolation(e) && !(e instanceof AppError)) throw new AppError("CONFLICT", "handover_not_accepted");
  throw e;
}
