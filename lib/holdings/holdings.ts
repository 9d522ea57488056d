/**
 * The two moves every linking flow shares, inside the caller's transaction: start an owner's
 * holding (the database admits one active owner per vehicle; authorised drivers no owner stands
 * behind lose access) and end one with everything that hangs on it (contracts cancelled with
 * renewal off, authorised drivers' access ended, the garage's service relationship ended).
 */
import { isUniqueViolation } from "../server/db-errors";
import type { Tx } from "../server/database";
import type { HoldingEndReason, HoldingOrigin } from "../../generated/prisma/enums";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { lockVehicle } from "./vehicles";
import { STEPS } from "../appointments/transitions";
import { noticeDriverAccessEnded } from "../drivers/common";

/** What a driver's notice needs: who they are and which car (lib/drivers/common.ts). */
const ENDED_DRIVER_SELECT = {
  id: true,
  userId: true,
  user: { select: { email: true, locale: true, firstName: true } },
  vehicle: { select: { id: true, make: true, model: true } },
} as const;

/** How an owner's holding starts (STOCK starts a garage's) and ends (DRIVER_ACCESS_ENDED ends a driver's). */
type Origin = Exclude<HoldingOrigin, "STOCK">;
type EndReason = Exclude<HoldingEndReason, "DRIVER_ACCESS_ENDED">;

/**
 * Starts the owner's holding. Authorised drivers of the car that no active owner holding stands
 * behind (linked while the car had no owner, e.g. a lease car, or through an owner who has gone)
 * lose access: the new owner decides who drives their car. Each ending is audited, by `actor`
 * (the system when none is given) for the linking organisation.
 */
export async function startOwnerHolding(
  tx: Tx,
  input: { vehicleId: string; userId: string; origin: Origin; linkedByOrganisationId?: string | null; actor?: Actor | null; now?: Date },
): Promise<{ id: string; driversEnded: number }> {
  // Callers take the lock before their checks; taken here too, so no owner starts without it.
  await lockVehicle(tx, input.vehicleId);
  const holding = await createOwnerHolding(tx, input);
  const driversEnded = await endDriversWithoutOwner(tx, {
    vehicleId: input.vehicleId,
    actor: input.actor ?? null,
    organisationId: input.linkedByOrganisationId ?? null,
    now: input.now ?? new Date(),
    data: { ownerHoldingId: holding.id },
  });
  return { id: holding.id, driversEnded };
}

/**
 * Ends the car's authorised drivers that no active owner holding stands behind (linked while it
 * had no owner, or through an owner who has gone), each audited: when a new owner starts, and when
 * a garage takes the car back into stock. Returns how many ended.
 */
export async function endDriversWithoutOwner(
  tx: Tx,
  input: { vehicleId: string; actor: Actor | null; organisationId: string | null; now: Date; data: Record<string, string> },
): Promise<number> {
  const orphans = await tx.holding.findMany({
    where: {
      vehicleId: input.vehicleId,
      kind: "DRIVER",
      endedAt: null,
      OR: [{ viaHoldingId: null }, { viaHolding: { endedAt: { not: null } } }],
    },
    select: ENDED_DRIVER_SELECT,
  });
  if (!orphans.length) return 0;
  await tx.holding.updateMany({ where: { id: { in: orphans.map((d) => d.id) }, endedAt: null }, data: { endedAt: input.now, endReason: "OWNERSHIP_CHANGED" } });
  for (const d of orphans) {
    await audit(tx, input.actor, "vehicle.driver_access_ended", {
      organisationId: input.organisationId,
      entityType: "Holding",
      entityId: d.id,
      vehicleId: input.vehicleId,
      subjectUserId: d.userId,
      data: { reason: "OWNERSHIP_CHANGED", ...input.data },
    });
    await noticeDriverAccessEnded(tx, d, d.vehicle, "ownership_changed");
  }
  return orphans.length;
}

async function createOwnerHolding(tx: Tx, input: { vehicleId: string; userId: string; origin: Origin; linkedByOrganisationId?: string | null }) {
  try {
    return await tx.holding.create({
      data: {
        vehicleId: input.vehicleId,
        kind: "OWNER",
        userId: input.userId,
        origin: input.origin,
        linkedByOrganisationId: input.linkedByOrganisationId ?? null,
      },
      select: { id: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "vehicle_has_owner");
    throw e;
  }
}

export interface EndedHolding {
  contractsCancelled: number;
  driversEnded: number;
  /** A garage's service relationship with the car (AutoPaspoort) ended with this owner. */
  serviceRelationshipEnded: boolean;
}

export async function endOwnerHolding(
  tx: Tx,
  input: { holdingId: string; vehicleId: string; reason: EndReason; cancellationReason: string; now?: Date; actor?: Actor | null },
): Promise<EndedHolding> {
  const now = input.now ?? new Date();
  // The car's lock first (callers have usually taken it; then this sends nothing): a driver linked
  // through this holding at the same moment is either committed before (and ended below) or
  // decides after this ending (and finds no owner).
  await lockVehicle(tx, input.vehicleId);
  // Everything that hangs on the holding, in one statement each side of the holding's own end
  // (its trigger, migration *_holding_consistency, refuses to end it while a driver still drives
  // through it; docs/decisions/0045). First: contracts cancelled with renewal off; every driver
  // through this owner ended (desk-linked and owner-invited alike), each told below; their
  // invitations not yet accepted lapse (docs/decisions/0029); a handover this owner started and
  // the buyer has not accepted lapses (docs/decisions/0034): whoever took the car's lock first decided.
  const [first] = await tx.$queryRaw<{ contracts: number; drivers: string[] }[]>`
    WITH contracts AS (
      UPDATE "Contract" SET "status" = 'CANCELLED', "autoRenew" = false, "cancelledAt" = ${now}, "cancellationReason" = ${input.cancellationReason}
      WHERE "holdingId" = ${input.holdingId} AND "status" IN ('ACTIVE', 'PENDING') RETURNING 1
    ), drivers AS (
      UPDATE "Holding" SET "endedAt" = ${now}, "endReason" = 'DRIVER_ACCESS_ENDED'
      WHERE "viaHoldingId" = ${input.holdingId} AND "endedAt" IS NULL RETURNING "id"
    ), invitations AS (
      UPDATE "DriverInvitation" SET "status" = 'LAPSED', "endedAt" = ${now} WHERE "ownerHoldingId" = ${input.holdingId} AND "status" = 'PENDING' RETURNING 1
    ), handovers AS (
      UPDATE "Handover" SET "status" = 'LAPSED', "decidedAt" = ${now} WHERE "sellerHoldingId" = ${input.holdingId} AND "status" = 'PENDING' RETURNING 1
    )
    -- Every data-modifying WITH runs once, to completion, whether or not the SELECT reads it.
    SELECT
      (SELECT count(*)::int FROM contracts) AS "contracts",
      ARRAY(SELECT "id" FROM drivers ORDER BY "id") AS "drivers"`;
  // Who they are, for their notice, through Prisma (the user's language is an enum it maps):
  // one more statement only when a driver drove through this owner.
  const through = first!.drivers.length ? await tx.holding.findMany({ where: { id: { in: first!.drivers } }, select: ENDED_DRIVER_SELECT, orderBy: { id: "asc" } }) : [];
  for (const d of through) {
    await audit(tx, input.actor ?? null, "vehicle.driver_access_ended", {
      entityType: "Holding",
      entityId: d.id,
      vehicleId: d.vehicle.id,
      subjectUserId: d.userId,
      data: { reason: input.reason, ownerHoldingId: input.holdingId },
    });
    await noticeDriverAccessEnded(tx, d, d.vehicle, input.reason === "REMOVED" ? "removed" : "ownership_changed");
  }
  // Then the holding ends (of the car locked above: a holding of another car is not ended here).
  // The garage served this owner: it does not go on seeing the records of the car's next owner
  // (by the car's id: its passport is unique per car). The owner's open appointments end with them:
  // no workshop keeps the car through an owner who has gone (lib/appointments/transitions.ts).
  const step = STEPS.ownershipEnded;
  const [second] = await tx.$queryRaw<{ ended: number; relationship: number; appointments: CancelledAppointment[] }[]>`
    WITH ended AS (
      UPDATE "Holding" SET "endedAt" = ${now}, "endReason" = CAST(${input.reason} AS "HoldingEndReason")
      WHERE "id" = ${input.holdingId} AND "vehicleId" = ${input.vehicleId} AND "kind" = 'OWNER' AND "endedAt" IS NULL
      RETURNING "vehicleId", "userId"
    ), relationship AS (
      UPDATE "Passport" SET "serviceRelationshipEndedAt" = ${now}, "updatedAt" = ${now}
      WHERE "vehicleId" IN (SELECT "vehicleId" FROM ended) AND "serviceRelationshipEndedAt" IS NULL RETURNING 1
    ), appointments AS (
      UPDATE "Appointment" a SET "status" = CAST(${step.to} AS "AppointmentStatus"), "closedAt" = ${now}, "updatedAt" = ${now}
      FROM "Appointment" was, ended
      WHERE was."id" = a."id" AND a."vehicleId" = ended."vehicleId" AND a."userId" = ended."userId" AND a."status"::text = ANY(${[...step.from]}::text[])
      RETURNING a."id", a."organisationId", a."userId", was."status"::text AS "was"
    )
    SELECT
      (SELECT count(*)::int FROM ended) AS "ended",
      (SELECT count(*)::int FROM relationship) AS "relationship",
      COALESCE((SELECT json_agg(json_build_object('id', "id", 'organisationId', "organisationId", 'userId', "userId", 'was', "was") ORDER BY "id") FROM appointments), '[]') AS "appointments"`;
  if (second!.ended !== 1) throw new AppError("CONFLICT", "holding_already_ended");
  for (const a of second!.appointments) {
    await audit(tx, null, "appointment.cancelled", {
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: input.vehicleId,
      subjectUserId: a.userId,
      data: { organisationId: a.organisationId, was: a.was, reason: "OWNERSHIP_ENDED" },
    });
  }
  return { contractsCancelled: first!.contracts, driversEnded: through.length, serviceRelationshipEnded: second!.relationship > 0 };
}

/** An appointment the holding's end cancelled (Prisma parses the `json` column on both databases). */
type CancelledAppointment = { id: string; organisationId: string; userId: string; was: string };
