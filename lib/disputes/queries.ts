/**
 * Server-side reads for the dispute pages, each scoped to the actor (docs/decisions/0035). The
 * claimant's view carries the dispute's state and dates only: never who holds the car.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { decidableBy } from "./common";

/** The holder's own dispute; null reads as not found. No claimant data: the holder learns only that someone claims the car with documents. */
export async function getHolderDispute(actor: Actor, disputeId: string) {
  assertCan(actor, "garage:use");
  const d = await db.dispute.findFirst({
    where: { id: disputeId, holderId: actor.userId },
    select: {
      id: true,
      status: true,
      respondBy: true,
      answeredAt: true,
      closedAt: true,
      createdAt: true,
      vehicleId: true,
      vehicle: { select: { make: true, model: true, vin: true } },
    },
  });
  if (!d) return null;
  return {
    id: d.id,
    status: d.status,
    respondBy: d.respondBy,
    answeredAt: d.answeredAt,
    closedAt: d.closedAt,
    createdAt: d.createdAt,
    vehicleId: d.vehicleId,
    car: `${d.vehicle.make} ${d.vehicle.model}`,
    vin: d.vehicle.vin,
  };
}

/** The holder's disputes still waiting for their answer (the garage shows them). */
export async function listHolderOpenDisputes(actor: Actor) {
  assertCan(actor, "garage:use");
  const rows = await db.dispute.findMany({
    where: { holderId: actor.userId, status: "OPEN" },
    orderBy: { respondBy: "asc" },
    take: 20,
    select: { id: true, respondBy: true, vehicle: { select: { make: true, model: true } } },
  });
  return rows.map((r) => ({ id: r.id, respondBy: r.respondBy, car: `${r.vehicle.make} ${r.vehicle.model}` }));
}

/**
 * What the claimant sees of the dispute on their request's page: its state and dates only. The
 * DTO is built field by field so nothing of the holder can slip in with a later `select`.
 */
export async function getClaimantDispute(actor: Actor, requestId: string) {
  assertCan(actor, "garage:use");
  const d = await db.dispute.findFirst({
    where: { requestId, claimantId: actor.userId },
    select: { status: true, respondBy: true, closedAt: true, vehicleId: true },
  });
  if (!d) return null;
  const won = d.status === "RELEASED" || d.status === "LAPSED" || d.status === "CLAIMANT_UPHELD";
  return { status: d.status, respondBy: d.respondBy, closedAt: d.closedAt, vehicleId: won ? d.vehicleId : null };
}

/** Contested disputes the reviewer decides, oldest first (the verification queue's section). */
export async function listContested(actor: Actor) {
  assertCan(actor, "verification:review");
  const rows = await db.dispute.findMany({
    where: { status: "CONTESTED", ...decidableBy(actor) },
    orderBy: { answeredAt: "asc" },
    take: 100,
    select: { id: true, answeredAt: true, route: true, dealer: { select: { name: true } }, vehicle: { select: { make: true, model: true, vin: true } } },
  });
  return rows.map((r) => ({ id: r.id, contestedAt: r.answeredAt, route: r.route, dealerName: r.dealer?.name ?? null, car: `${r.vehicle.make} ${r.vehicle.model}`, vin: r.vehicle.vin }));
}

/** A dispute for its reviewer, with both sides' documents and the claimant's verified facts; null reads as not found. */
export async function getReviewDispute(actor: Actor, disputeId: string) {
  assertCan(actor, "verification:review");
  const d = await db.dispute.findFirst({
    where: { id: disputeId, status: { not: "OPEN" }, ...decidableBy(actor) },
    select: {
      id: true,
      status: true,
      route: true,
      answeredAt: true,
      decidedAt: true,
      contestNote: true,
      createdAt: true,
      dealer: { select: { name: true } },
      vehicle: { select: { make: true, model: true, vin: true } },
      claimant: { select: { firstName: true, lastName: true, email: true } },
      holder: { select: { firstName: true, lastName: true, email: true } },
      holderHolding: { select: { startedAt: true, origin: true } },
      request: {
        select: {
          id: true,
          facts: { select: { fullName: true, registeredOwnerName: true, registeredOwnerAddress: true, documentValidUntil: true, verifiedAt: true } },
          documents: { where: { deletedAt: null }, select: { id: true, kind: true, mimeType: true }, orderBy: { kind: "asc" } },
        },
      },
      documents: { where: { deletedAt: null }, select: { id: true, kind: true, mimeType: true } },
    },
  });
  if (!d || d.status === "WITHDRAWN") return null;
  return {
    id: d.id,
    status: d.status,
    route: d.route,
    dealerName: d.dealer?.name ?? null,
    contestedAt: d.answeredAt,
    decidedAt: d.decidedAt,
    contestNote: d.contestNote,
    car: `${d.vehicle.make} ${d.vehicle.model}`,
    vin: d.vehicle.vin,
    claimant: { name: `${d.claimant.firstName} ${d.claimant.lastName}`.trim(), email: d.claimant.email, facts: d.request.facts, documents: d.request.documents },
    holder: { name: `${d.holder.firstName} ${d.holder.lastName}`.trim(), email: d.holder.email, since: d.holderHolding.startedAt, origin: d.holderHolding.origin, documents: d.documents },
  };
}
