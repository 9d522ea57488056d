/**
 * Ending an owner-invited driver's access (docs/decisions/0029): the owner revokes a driver or a
 * waiting invitation; a driver leaves the car. Each is audited; a revoked driver gets an e-mail
 * and an inbox message. A record the caller may not touch reads as not found.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { noticeDriverAccessEnded } from "./common";

const DRIVER_SELECT = {
  id: true,
  userId: true,
  vehicleId: true,
  user: { select: { email: true, locale: true, firstName: true } },
  vehicle: { select: { id: true, make: true, model: true } },
} as const;

/** The owner ends a driver's access: only a driver through the owner's own active holding. */
export async function revokeDriver(input: { actor: Actor; driverId: string; now?: Date }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const where = { id: input.driverId, kind: "DRIVER" as const, endedAt: null, viaHolding: { is: { userId: input.actor.userId, kind: "OWNER" as const, endedAt: null } } };
    const seen = await tx.holding.findFirst({ where, select: { vehicleId: true } });
    if (!seen) throw new AppError("NOT_FOUND");
    await lockVehicle(tx, seen.vehicleId);
    const driver = await tx.holding.findFirst({ where, select: DRIVER_SELECT });
    if (!driver) throw new AppError("NOT_FOUND");
    await tx.holding.update({ where: { id: driver.id }, data: { endedAt: now, endReason: "DRIVER_ACCESS_ENDED" } });
    await audit(tx, input.actor, "driver.revoked", { entityType: "Holding", entityId: driver.id, vehicleId: driver.vehicleId, subjectUserId: driver.userId });
    await noticeDriverAccessEnded(tx, driver, driver.vehicle, "revoked");
    return { vehicleId: driver.vehicleId };
  });
}

/** The owner withdraws an invitation not yet accepted; its link stops working. */
export async function revokeDriverInvitation(input: { actor: Actor; invitationId: string; now?: Date }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const inv = await tx.driverInvitation.findFirst({
      where: { id: input.invitationId, status: "PENDING", ownerHolding: { userId: input.actor.userId, kind: "OWNER", endedAt: null } },
      select: { id: true, ownerHolding: { select: { vehicleId: true } } },
    });
    if (!inv) throw new AppError("NOT_FOUND");
    const done = await tx.driverInvitation.updateMany({ where: { id: inv.id, status: "PENDING" }, data: { status: "REVOKED", endedAt: now } });
    if (done.count !== 1) throw new AppError("NOT_FOUND");
    await audit(tx, input.actor, "driver.invitation_revoked", { entityType: "DriverInvitation", entityId: inv.id, vehicleId: inv.ownerHolding.vehicleId, subjectUserId: input.actor.userId });
    return { vehicleId: inv.ownerHolding.vehicleId };
  });
}

/** A driver stops driving the car: their own active DRIVER holding ends. An owner removes the car instead. */
export async function leaveCar(input: { actor: Actor; vehicleId: string; now?: Date }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    await lockVehicle(tx, input.vehicleId);
    const driver = await tx.holding.findFirst({ where: { vehicleId: input.vehicleId, userId: input.actor.userId, kind: "DRIVER", endedAt: null }, select: { id: true } });
    if (!driver) throw new AppError("NOT_FOUND");
    await tx.holding.update({ where: { id: driver.id }, data: { endedAt: now, endReason: "DRIVER_ACCESS_ENDED" } });
    await audit(tx, input.actor, "driver.left", { entityType: "Holding", entityId: driver.id, vehicleId: input.vehicleId, subjectUserId: input.actor.userId });
    return { vehicleId: input.vehicleId };
  });
}
