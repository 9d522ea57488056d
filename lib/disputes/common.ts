/**
 * A claim that met a car held by another owner (docs/decisions/0035): who may see and decide a
 * dispute, and the move that gives the car to the claimant, shared by a release, the lapse of the
 * answer period, a removal while asked, and a reviewer's decision for the claimant.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { DisputeStatus } from "../../generated/prisma/enums";
import { organisationsWith, type Actor } from "../server/authz";
import type { Tx } from "../server/database";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import { leaveMessage } from "../messages/leave";
import { endOwnerHolding, startOwnerHolding } from "../holdings/holdings";
import { lockVehicle } from "../holdings/vehicles";

/** Days the holder has to answer; no answer counts as a release. */
export const ANSWER_DAYS = 14;
export const DAY_MS = 24 * 3600_000;

export function answerBy(now: Date): Date {
  return new Date(now.getTime() + ANSWER_DAYS * DAY_MS);
}

/** Disputes still waiting: for the holder's answer, or for a reviewer's decision. */
export const UNSETTLED: DisputeStatus[] = ["OPEN", "CONTESTED"];

/**
 * The contested disputes a reviewer may see and decide: support those routed to support, dealer
 * staff those routed to their dealer (the claimant's chosen one); never one they are a party to.
 */
export function decidableBy(actor: Actor): Prisma.DisputeWhereInput {
  const or: Prisma.DisputeWhereInput[] = [];
  if (actor.platformRole === "SUPPORT") or.push({ route: "SUPPORT" });
  const dealers = organisationsWith(actor, "verification:review");
  if (dealers.length) or.push({ route: "DEALER", dealerId: { in: dealers } });
  if (!or.length) return { id: { in: [] } };
  return { OR: or, claimantId: { not: actor.userId }, holderId: { not: actor.userId } };
}

/** What settling a dispute needs to read. */
export const SETTLE_SELECT = {
  id: true,
  status: true,
  vehicleId: true,
  requestId: true,
  route: true,
  dealerId: true,
  holderHoldingId: true,
  claimant: { select: { id: true, email: true, locale: true, firstName: true, status: true } },
  holder: { select: { id: true, email: true, locale: true, firstName: true } },
  vehicle: { select: { make: true, model: true, vin: true } },
} as const satisfies Prisma.DisputeSelect;

export type SettleRow = Prisma.DisputeGetPayload<{ select: typeof SETTLE_SELECT }>;

/** How a dispute ends with the car going to the claimant, and what the holder is told. */
export type ToClaimant = { status: "RELEASED" | "LAPSED" | "CLAIMANT_UPHELD"; holderResult: "released" | "lapsed" | "lost" | "removed" };

/**
 * Marks the dispute settled, from one of `from`, by one conditional update: of two settlements at
 * once (a release and the lapse job, two job runs, two nodes) exactly one changes the row; the
 * other gets `dispute_closed`. The caller holds the car's lock.
 */
export async function markSettled(tx: Tx, id: string, from: DisputeStatus[], data: Prisma.DisputeUncheckedUpdateManyInput): Promise<void> {
  const won = await tx.dispute.updateMany({ where: { id, status: { in: from } }, data });
  if (won.count !== 1) throw new AppError("CONFLICT", "dispute_closed");
}

/**
 * Gives the car to the claimant, inside the caller's transaction and under the car's lock: the
 * holder's holding ends (unless it ended already: removed while asked), the claimant's starts,
 * their verified facts attach to it, both are told; the holder never learns who, the claimant
 * never learns from whom.
 */
export async function handToClaimant(tx: Tx, d: SettleRow, how: ToClaimant, actor: Actor | null, now: Date): Promise<{ holdingId: string }> {
  await lockVehicle(tx, d.vehicleId);
  const car = `${d.vehicle.make} ${d.vehicle.model}`;
  const holding = await tx.holding.findFirst({ where: { id: d.holderHoldingId, endedAt: null }, select: { id: true } });
  if (holding) {
    const ended = await endOwnerHolding(tx, {
      holdingId: holding.id,
      vehicleId: d.vehicleId,
      reason: how.status === "CLAIMANT_UPHELD" ? "OWNERSHIP_CHANGED" : "RELEASED",
      cancellationReason: how.status === "CLAIMANT_UPHELD" ? "ownership_changed" : "vehicle_released",
      actor,
      now,
    });
    await audit(tx, actor, "vehicle.ownership_ended", {
      organisationId: d.route === "DEALER" ? d.dealerId : null,
      entityType: "Holding",
      entityId: holding.id,
      vehicleId: d.vehicleId,
      subjectUserId: d.holder.id,
      data: { disputeId: d.id, outcome: how.status, contractsCancelled: ended.contractsCancelled, driversEnded: ended.driversEnded },
    });
  }
  // Whoever holds the car now (nobody, unless someone was linked after a removal) decides.
  const other = await tx.holding.findFirst({ where: { vehicleId: d.vehicleId, kind: { in: ["OWNER", "STOCK"] }, endedAt: null }, select: { id: true } });
  if (other) throw new AppError("CONFLICT", "vehicle_has_owner");
  const started = await startOwnerHolding(tx, {
    vehicleId: d.vehicleId,
    userId: d.claimant.id,
    origin: "SELF_REGISTRATION",
    linkedByOrganisationId: d.route === "DEALER" ? d.dealerId : null,
    actor,
    now,
  });
  await tx.verifiedFacts.updateMany({ where: { requestId: d.requestId, holdingId: null }, data: { holdingId: started.id } });
  await audit(tx, actor, "vehicle.linked", {
    organisationId: d.route === "DEALER" ? d.dealerId : null,
    entityType: "Holding",
    entityId: started.id,
    vehicleId: d.vehicleId,
    subjectUserId: d.claimant.id,
    data: { channel: "SELF_UPLOAD", disputeId: d.id, outcome: how.status },
  });
  await notifyClosed(tx, d, { claimant: "yours", holder: how.holderResult }, car);
  return { holdingId: started.id };
}

type ClaimantResult = "yours" | "kept";
type HolderResult = ToClaimant["holderResult"] | "kept";

/** Both parties learn the outcome, each in their own language, by e-mail and in the inbox. */
export async function notifyClosed(tx: Tx, d: SettleRow, result: { claimant: ClaimantResult; holder: HolderResult }, car: string): Promise<void> {
  const vin = d.vehicle.vin;
  const claimantLink: `/${string}` = result.claimant === "yours" ? `/garage/vehicles/${d.vehicleId}` : `/garage/verifications/${d.requestId}`;
  await enqueueEmail(tx, {
    to: d.claimant.email,
    locale: d.claimant.locale,
    template: "dispute-closed",
    payload: { name: d.claimant.firstName, car, vin, result: result.claimant, url: appLink(d.claimant.locale, claimantLink) },
  });
  await leaveMessage(tx, { userId: d.claimant.id, vehicleId: result.claimant === "yours" ? d.vehicleId : null, kind: "dispute_closed", data: { car, vin, result: result.claimant }, link: claimantLink });
  // A holder who removed the car was told by the removal itself.
  if (result.holder === "removed") return;
  const holderLink: `/${string}` = result.holder === "kept" ? `/garage/vehicles/${d.vehicleId}` : `/garage/disputes/${d.id}`;
  await enqueueEmail(tx, {
    to: d.holder.email,
    locale: d.holder.locale,
    template: "dispute-closed",
    payload: { name: d.holder.firstName, car, vin, result: result.holder, url: appLink(d.holder.locale, holderLink) },
  });
  await leaveMessage(tx, { userId: d.holder.id, vehicleId: result.holder === "kept" ? d.vehicleId : null, kind: "dispute_closed", data: { car, vin, result: result.holder }, link: holderLink });
}
