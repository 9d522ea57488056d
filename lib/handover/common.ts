/**
 * What every step of a handover between owners shares (docs/decisions/0034): its time limits,
 * reading it by its link, whether it is still open, and the audit rows written for both parties.
 */
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit, type AuditAction } from "../server/audit";
import { hashToken } from "../server/tokens";

/** The buyer accepts or declines within 14 days. */
export const HANDOVER_DAYS = 14;
/** After acceptance the seller may undo for 48 hours, as long as the buyer has not opened the car. */
export const UNDO_HOURS = 48;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export const HANDOVER_SELECT = {
  id: true,
  vehicleId: true,
  sellerHoldingId: true,
  sellerId: true,
  buyerEmail: true,
  buyerName: true,
  buyerLocale: true,
  buyerId: true,
  offeredToId: true,
  buyerHoldingId: true,
  soldOn: true,
  mileageKm: true,
  status: true,
  expiresAt: true,
  createdAt: true,
  decidedAt: true,
  buyerOpenedAt: true,
  vehicle: { select: { make: true, model: true, vin: true } },
  seller: { select: { email: true, locale: true, firstName: true } },
} as const;

export async function handoverByToken(tx: Tx, token: string) {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  return tx.handover.findUnique({ where: { tokenHash: hashToken(token) }, select: HANDOVER_SELECT });
}

export type LoadedHandover = NonNullable<Awaited<ReturnType<typeof handoverByToken>>>;

/**
 * How the buyer names the handover: the link's token (signed out or in), or its id from the inbox
 * message an existing account gets (signed in; the account's address, proven at activation, is
 * the buyer's, as the token proves it for the link).
 */
export type HandoverRef = { token: string } | { handoverId: string };

export async function handoverByRef(tx: Tx, ref: HandoverRef): Promise<LoadedHandover | null> {
  if ("token" in ref) return handoverByToken(tx, ref.token);
  return tx.handover.findUnique({ where: { id: ref.handoverId }, select: HANDOVER_SELECT });
}

/**
 * The inbox message an existing account got when the handover started is settled (read) once it
 * is decided. Read through its recipient's unread messages (the index (userId, readAt)), never a
 * scan of every account's.
 */
export async function settleOfferMessage(tx: Tx, h: { id: string; offeredToId: string | null }, now: Date): Promise<void> {
  if (!h.offeredToId) return;
  await tx.message.updateMany({ where: { userId: h.offeredToId, readAt: null, kind: "handover_offered", data: { path: ["handoverId"], equals: h.id } }, data: { readAt: now } });
}

export function carOf(h: { vehicle: { make: string; model: string } }): string {
  return `${h.vehicle.make} ${h.vehicle.model}`;
}

/** A handover the buyer can still accept or decline, or why not (the same codes the link page shows). */
export function assertOpen(h: LoadedHandover | null, now = new Date()): LoadedHandover {
  if (!h) throw new AppError("NOT_FOUND", "handover_invalid");
  if (h.status === "ACCEPTED" || h.status === "UNDONE") throw new AppError("GONE", "handover_used");
  if (h.status === "DECLINED") throw new AppError("GONE", "handover_declined");
  if (h.status === "WITHDRAWN" || h.status === "LAPSED") throw new AppError("GONE", "handover_withdrawn");
  if (h.expiresAt <= now) throw new AppError("GONE", "handover_expired");
  return h;
}

/**
 * One step in both parties' audit: a row with the seller as subject and, when the buyer has an
 * account, one with the buyer as subject. Neither row holds the other party's personal data: the
 * data names the handover and counts, and the seller's rows the buyer's name as the seller typed it.
 */
export async function auditBoth(
  tx: Tx,
  actor: Actor | null,
  action: AuditAction,
  h: { id: string; vehicleId: string; sellerId: string; buyerName: string },
  buyerId: string | null,
  data: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  await audit(tx, actor, action, { entityType: "Handover", entityId: h.id, vehicleId: h.vehicleId, subjectUserId: h.sellerId, data: { handoverId: h.id, buyerName: h.buyerName, ...data } });
  if (buyerId && buyerId !== h.sellerId) {
    await audit(tx, actor, action, { entityType: "Handover", entityId: h.id, vehicleId: h.vehicleId, subjectUserId: buyerId, data: { handoverId: h.id, ...data } });
  }
}

/** The buyer's account by the address the seller typed, if one exists. */
export async function buyerAccount(tx: Tx, email: string) {
  return tx.user.findUnique({ where: { email }, select: { id: true, email: true, status: true, locale: true, firstName: true } });
}
