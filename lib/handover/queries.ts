/**
 * Reads for the handover pages (docs/decisions/0034), scoped to the actor: the seller's start form
 * and status page, and the buyer's page behind the link.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { isTransferable } from "../linking/products";
import { buildHistory, loadEntries, type CarHistory } from "../dossier/history";
import { DAY_MS, HANDOVER_SELECT, HOUR_MS, UNDO_HOURS, handoverByToken, type LoadedHandover } from "./common";

const PLATE = { where: { validTo: null }, select: { plate: true, country: true }, orderBy: { validFrom: "desc" }, take: 1 } as const;

/** What the seller's start form needs: the car, its contracts (which can go with it), a handover already waiting. */
export async function getHandoverStart(actor: Actor, vehicleId: string) {
  assertCan(actor, "garage:use");
  const holding = await db.holding.findFirst({
    where: { vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null },
    select: {
      vehicle: { select: { id: true, make: true, model: true, modelYear: true, vin: true, mileageKm: true } },
      contracts: { where: { status: { in: ["ACTIVE", "PENDING"] } }, orderBy: { endsAt: "asc" }, select: { id: true, product: true, endsAt: true, status: true } },
      drivers: { where: { endedAt: null }, select: { id: true } },
    },
  });
  if (!holding) return null;
  const pending = await db.handover.findFirst({ where: { vehicleId, sellerId: actor.userId, status: "PENDING" }, select: { id: true } });
  return {
    vehicle: holding.vehicle,
    contracts: holding.contracts.map((c) => ({ ...c, transferable: isTransferable(c.product) })),
    drivers: holding.drivers.length,
    pendingId: pending?.id ?? null,
  };
}

/** The car's handover waiting for its buyer, for the car's page (its seller only). */
export async function pendingHandoverOf(actor: Actor, vehicleId: string): Promise<string | null> {
  const h = await db.handover.findFirst({ where: { vehicleId, sellerId: actor.userId, status: "PENDING" }, select: { id: true } });
  return h?.id ?? null;
}

export type SellerState = "pending" | "expired" | "accepted" | "declined" | "withdrawn" | "lapsed" | "undone" | "undone_support";

/** A handover as its seller sees it, with what they may still do; null for anyone else. */
export async function getSellerHandover(actor: Actor, handoverId: string, now = new Date()) {
  assertCan(actor, "garage:use");
  const h = await db.handover.findFirst({
    where: { id: handoverId, sellerId: actor.userId },
    select: {
      id: true,
      vehicleId: true,
      buyerName: true,
      buyerEmail: true,
      soldOn: true,
      mileageKm: true,
      status: true,
      expiresAt: true,
      createdAt: true,
      decidedAt: true,
      buyerOpenedAt: true,
      undoReason: true,
      vehicle: { select: { make: true, model: true, modelYear: true, vin: true } },
      contracts: { select: { moves: true, contract: { select: { id: true, product: true } } } },
    },
  });
  if (!h) return null;
  const expired = h.status === "PENDING" && h.expiresAt <= now;
  // Support's undo carries its reason (lib/handover/undo-accepted.ts); the seller's own none.
  const state: SellerState = expired ? "expired" : h.status === "UNDONE" && h.undoReason ? "undone_support" : (h.status.toLowerCase() as SellerState);
  const undoUntil = h.decidedAt ? new Date(h.decidedAt.getTime() + UNDO_HOURS * HOUR_MS) : null;
  const canUndo = h.status === "ACCEPTED" && !h.buyerOpenedAt && !!undoUntil && undoUntil > now;
  return {
    ...h,
    state,
    canWithdraw: h.status === "PENDING" && !expired,
    canUndo,
    undoUntil,
    contracts: h.contracts.map((c) => ({ id: c.contract.id, product: c.contract.product, moves: c.moves })),
  };
}

export type BuyerState = "open" | "accepted" | "declined" | "withdrawn" | "expired" | "undone";

export interface BuyerHandover {
  state: BuyerState;
  buyerEmail: string;
  buyerName: string;
  vehicleId: string;
  car: { make: string; model: string; modelYear: number; vinEnd: string; plate: { plate: string; country: "NL" | "BE" } | null };
  soldOn: Date;
  mileageKm: number;
  expiresAt: Date;
  contracts: { product: string; endsAt: Date | null }[];
  history: CarHistory;
}

/**
 * The handover behind a link, as the buyer sees it before deciding: the car, its service history
 * and mileage, and the contracts that go with it; never the seller's name or address. Null (not
 * found) for an unknown link, and for a signed-in account other than the addressed buyer's.
 */
export async function getBuyerHandover(token: string, actor: Actor | null, now = new Date()): Promise<BuyerHandover | null> {
  const h = await handoverByToken(db, token);
  if (!h) return null;
  if (actor && (actor.email !== h.buyerEmail || actor.userId === h.sellerId)) return null;
  return buyerView(h, now);
}

/**
 * The same for the signed-in buyer by the handover's id: the page an existing account's inbox
 * message links to (never the link's token). Only the account at the address the seller typed
 * (proven when it was activated), or the account that decided it; null for anyone else.
 */
export async function getOfferedHandover(actor: Actor, handoverId: string, now = new Date()): Promise<(BuyerHandover & { id: string; buyerHolds: boolean }) | null> {
  assertCan(actor, "garage:use");
  const h = await db.handover.findFirst({
    where: { id: handoverId, sellerId: { not: actor.userId }, OR: [{ buyerEmail: actor.email }, { buyerId: actor.userId }] },
    select: { ...HANDOVER_SELECT, buyerHolding: { select: { endedAt: true } } },
  });
  if (!h) return null;
  return { ...(await buyerView(h, now)), id: h.id, buyerHolds: !!h.buyerHolding && !h.buyerHolding.endedAt };
}

async function buyerView(h: LoadedHandover, now: Date): Promise<BuyerHandover> {
  const state: BuyerState =
    h.status === "ACCEPTED"
      ? "accepted"
      : h.status === "UNDONE"
        ? "undone"
        : h.status === "DECLINED"
        ? "declined"
        : h.status === "WITHDRAWN" || h.status === "LAPSED"
          ? "withdrawn"
          : h.expiresAt <= now
            ? "expired"
            : "open";
  const [vehicle, rows, moving] = await Promise.all([
    db.vehicle.findUniqueOrThrow({ where: { id: h.vehicleId }, select: { make: true, model: true, modelYear: true, vin: true, plates: PLATE } }),
    // The history only while the buyer is deciding: afterwards it is the car page's (theirs or not).
    state === "open" ? loadEntries(db, h.vehicleId) : Promise.resolve([]),
    db.handoverContract.findMany({ where: { handoverId: h.id, moves: true }, select: { contract: { select: { product: true, endsAt: true } } } }),
  ]);
  return {
    state,
    buyerEmail: h.buyerEmail,
    buyerName: h.buyerName,
    vehicleId: h.vehicleId,
    car: { make: vehicle.make, model: vehicle.model, modelYear: vehicle.modelYear, vinEnd: vehicle.vin.slice(-6), plate: vehicle.plates[0] ?? null },
    soldOn: h.soldOn,
    mileageKm: h.mileageKm,
    expiresAt: h.expiresAt,
    contracts: moving.map((m) => m.contract),
    history: buildHistory(rows, { userId: null, ownerId: h.sellerId, organisationIds: [], isOwner: false }),
  };
}

/** Days left to decide, rounded up (for the page's wording). */
export function daysLeft(expiresAt: Date, now = new Date()): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}
