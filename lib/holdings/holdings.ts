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
import { cancelForEndedHolding } from "../appointments/close-appointments";
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
  input: { holdingId: string; reason: EndReason; cancellationReason: string; now?: Date; actor?: Actor | null },
): Promise<EndedHolding> {
  const now = input.now ?? new Date();
  // The car's lock first: a driver linked through this holding at the same moment is either
  // committed before (and ended below) or decides after this ending (and finds no owner).
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT v."id" FROM "Vehicle" v JOIN "Holding" h ON h."vehicleId" = v."id" WHERE h."id" = ${input.holdingId} FOR UPDATE OF v`;
  const contracts = await tx.contract.updateMany({
    where: { holdingId: input.holdingId, status: { in: ["ACTIVE", "PENDING"] } },
    data: { status: "CANCELLED", autoRenew: false, cancelledAt: now, cancellationReason: input.cancellationReason },
  });
  // Every driver through this owner ends (desk-linked and owner-invited alike), each audited and
  // told; invitations not yet accepted lapse (docs/decisions/0029).
  const through = await tx.holding.findMany({ where: { viaHoldingId: input.holdingId, endedAt: null }, select: ENDED_DRIVER_SELECT });
  const drivers = through.length
    ? await tx.holding.updateMany({
        where: { id: { in: through.map((d) => d.id) }, endedAt: null },
        data: { endedAt: now, endReason: "DRIVER_ACCESS_ENDED" },
      })
    : { count: 0 };
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
  await tx.driverInvitation.updateMany({ where: { ownerHoldingId: input.holdingId, status: "PENDING" }, data: { status: "LAPSED", endedAt: now } });
  // A handover this owner started and the buyer has not accepted cannot be accepted any more
  // (docs/decisions/0034): whoever took the car's lock first decided.
  await tx.handover.updateMany({ where: { sellerHoldingId: input.holdingId, status: "PENDING" }, data: { status: "LAPSED", decidedAt: now } });
  const ended = await tx.holding.updateMany({
    where: { id: input.holdingId, endedAt: null },
    data: { endedAt: now, endReason: input.reason },
  });
  if (ended.count !== 1) throw new AppError("CONFLICT", "holding_already_ended");
  // The garage served this owner: it does not go on seeing the records of the car's next owner.
  // By the car's id (its passport is unique per car): a nested filter through the holdings made
  // PostgreSQL scan every passport.
  const relationship = await tx.passport.updateMany({
    where: { vehicleId: locked[0]?.id ?? "", serviceRelationshipEndedAt: null },
    data: { serviceRelationshipEndedAt: now },
  });
  // Their open appointments end with them: no workshop keeps the car through an owner who has gone.
  await cancelForEndedHolding(tx, { holdingId: input.holdingId, now });
  return { contractsCancelled: contracts.count, driversEnded: drivers.count, serviceRelationshipEnded: relationship.count > 0 };
}
