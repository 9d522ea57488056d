/**
 * Support's reads of handovers between owners (docs/decisions/0034, "support decides"): the
 * accepted (and undone) handovers, found by plate or VIN, and one handover with both parties and
 * whether support can undo it now. Only support; a handover a support member is party to is not
 * theirs to see here, and a handover not yet accepted is not support's to decide.
 */
import type { Prisma } from "../../generated/prisma/client";
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { HOUR_MS, UNDO_HOURS } from "./common";
import { sellerMayUndo } from "./undo-accepted";

const PAGE = 25;
const PLATE = { where: { validTo: null }, select: { plate: true, country: true }, orderBy: { validFrom: "desc" }, take: 1 } as const;

/** The handovers support may look at and decide: accepted or undone, the actor party to neither side. */
export function decidableBy(actor: Actor): Prisma.HandoverWhereInput {
  return { status: { in: ["ACCEPTED", "UNDONE"] }, sellerId: { not: actor.userId }, OR: [{ buyerId: null }, { buyerId: { not: actor.userId } }] };
}

export type SupportListState = "accepted" | "undone";

/** The status of a handover `decidableBy` found: accepted or undone. */
function decided(status: string): "ACCEPTED" | "UNDONE" {
  return status === "UNDONE" ? "UNDONE" : "ACCEPTED";
}

/** A search term as plates and VINs are stored: upper case, without spaces or dashes. */
function term(q: string): string {
  return q.trim().toUpperCase().replace(/[\s.-]/g, "").slice(0, 40);
}

/** Support: accepted (or undone) handovers, newest decision first, searchable by a part of the plate or VIN. */
export async function listSupportHandovers(actor: Actor, opts: { q?: string; state?: SupportListState; cursor?: string; now?: Date } = {}) {
  assertCan(actor, "handovers:decide");
  const now = opts.now ?? new Date();
  const t = term(opts.q ?? "");
  const rows = await db.handover.findMany({
    where: {
      AND: [
        decidableBy(actor),
        { status: opts.state === "undone" ? "UNDONE" : "ACCEPTED" },
        ...(t ? [{ vehicle: { OR: [{ vin: { contains: t } }, { plates: { some: { plate: { contains: t } } } }] } }] : []),
      ],
    },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      status: true,
      decidedAt: true,
      buyerOpenedAt: true,
      undoneAt: true,
      undoReason: true,
      vehicle: { select: { make: true, model: true, modelYear: true, vin: true, plates: PLATE } },
    },
  });
  const items = rows.slice(0, PAGE).map((h) => ({
    id: h.id,
    status: decided(h.status),
    car: `${h.vehicle.make} ${h.vehicle.model}`,
    modelYear: h.vehicle.modelYear,
    vin: h.vehicle.vin,
    plate: h.vehicle.plates[0] ?? null,
    acceptedAt: h.decidedAt,
    openedAt: h.buyerOpenedAt,
    undoneAt: h.undoneAt,
    // Support's undo carries its reason; the seller's none.
    undoneBySupport: h.status === "UNDONE" && !!h.undoReason,
    sellerMayUndo: h.status === "ACCEPTED" && sellerMayUndo(h, now),
  }));
  return { items, nextCursor: rows.length > PAGE ? items[items.length - 1]?.id : undefined };
}

/** Why support cannot undo a handover now, if it cannot. */
export type SupportBlock = "undone" | "seller_can_undo" | "car_moved_on" | "seller_gone" | null;

/** One handover for support: the car, the sale, both parties, the steps, and whether it can be undone now. */
export async function getSupportHandover(actor: Actor, handoverId: string, now = new Date()) {
  assertCan(actor, "handovers:decide");
  const h = await db.handover.findFirst({
    where: { id: handoverId, ...decidableBy(actor) },
    select: {
      id: true,
      status: true,
      vehicleId: true,
      buyerName: true,
      soldOn: true,
      mileageKm: true,
      createdAt: true,
      decidedAt: true,
      buyerOpenedAt: true,
      undoneAt: true,
      undoReason: true,
      vehicle: { select: { make: true, model: true, modelYear: true, vin: true, plates: PLATE } },
      seller: { select: { firstName: true, lastName: true, email: true, status: true, erasedAt: true } },
      buyer: { select: { firstName: true, lastName: true, email: true } },
      buyerHolding: { select: { endedAt: true, endReason: true } },
      undoneBy: { select: { firstName: true, lastName: true } },
      contracts: { select: { moves: true, contract: { select: { product: true } } } },
    },
  });
  if (!h) return null;
  const sellerCan = h.status === "ACCEPTED" && sellerMayUndo(h, now);
  const carMovedOn = !h.buyerHolding || !!h.buyerHolding.endedAt;
  const block: SupportBlock =
    h.status === "UNDONE"
      ? "undone"
      : sellerCan
        ? "seller_can_undo"
        : carMovedOn
          ? "car_moved_on"
          : h.seller.erasedAt || h.seller.status !== "ACTIVE"
            ? "seller_gone"
            : null;
  const person = (u: { firstName: string; lastName: string } | null) => (u ? `${u.firstName} ${u.lastName}`.trim() : "");
  return {
    id: h.id,
    status: decided(h.status),
    vehicleId: h.vehicleId,
    car: `${h.vehicle.make} ${h.vehicle.model}`,
    modelYear: h.vehicle.modelYear,
    vin: h.vehicle.vin,
    plate: h.vehicle.plates[0] ?? null,
    soldOn: h.soldOn,
    mileageKm: h.mileageKm,
    startedAt: h.createdAt,
    acceptedAt: h.decidedAt,
    openedAt: h.buyerOpenedAt,
    sellerUndoUntil: h.decidedAt ? new Date(h.decidedAt.getTime() + UNDO_HOURS * HOUR_MS) : null,
    undoneAt: h.undoneAt,
    // Support's undo carries its reason; the seller's none.
    undoneBy: h.status !== "UNDONE" ? null : h.undoReason ? ("support" as const) : ("seller" as const),
    undoneByName: person(h.undoneBy),
    undoReason: h.undoReason,
    seller: { name: person(h.seller), email: h.seller.email },
    buyer: { typedName: h.buyerName, name: person(h.buyer), email: h.buyer?.email ?? "" },
    buyerHoldingEnded: h.buyerHolding?.endedAt ?? null,
    buyerHoldingEndReason: h.buyerHolding?.endReason ?? null,
    contracts: h.contracts.map((c) => ({ product: c.contract.product, moves: c.moves })),
    block,
    canUndo: block === null,
  };
}

export type SupportHandover = NonNullable<Awaited<ReturnType<typeof getSupportHandover>>>;
