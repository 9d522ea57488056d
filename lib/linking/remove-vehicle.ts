import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { endOwnerHolding } from "../holdings/holdings";
import { lockVehicle } from "../holdings/vehicles";
import { transaction, type Tx } from "../server/transaction";
import { settleOnRemoval } from "../disputes/settle-on-removal";

/**
 * Flow 4, all or nothing: the owner's holding ends, every active contract is cancelled with its
 * renewal off, authorised drivers through this owner lose access, a garage's service relationship
 * with the car ends, an audit entry and a confirmation e-mail are written. The car's service
 * history stays with the car.
 */
export async function removeVehicle(input: { actor: Actor; vehicleId: string; understood: boolean }): Promise<{ contractsCancelled: number; driversEnded: number }> {
  assertCan(input.actor, "garage:use");
  // The owner ticked "I understand": checked here too, not only by the form.
  if (input.understood !== true) throw new AppError("VALIDATION", "confirm_required", { fieldErrors: { understood: ["confirm_required"] } });
  return transaction((tx) => removeHeldVehicle(tx, input.actor, input.vehicleId));
}

/**
 * The removal itself, inside the caller's transaction: also run for every car of an account being
 * erased (lib/privacy/erase.ts), so both end a car the same way.
 */
export async function removeHeldVehicle(tx: Tx, actor: Actor, vehicleId: string): Promise<{ contractsCancelled: number; driversEnded: number }> {
  const input = { actor, vehicleId };
  // Under the car's lock: a driver linked at the desk at the same moment is either linked
  // through this holding before (and loses access with it) or finds the car without an owner.
  await lockVehicle(tx, input.vehicleId);
  const holding = await tx.holding.findFirst({
    where: { vehicleId: input.vehicleId, userId: input.actor.userId, kind: "OWNER", endedAt: null },
    select: { id: true, vehicle: { select: { make: true, model: true, vin: true } }, user: { select: { email: true, locale: true, firstName: true } } },
  });
  // Removing twice, or a car one does not hold, is the same: nothing to remove here.
  if (!holding) throw new AppError("NOT_FOUND", "vehicle_not_held");
  const ended = await endOwnerHolding(tx, { holdingId: holding.id, vehicleId: input.vehicleId, reason: "REMOVED", cancellationReason: "vehicle_removed", actor });
  await audit(tx, input.actor, "vehicle.removed", {
    entityType: "Holding",
    entityId: holding.id,
    vehicleId: input.vehicleId,
    subjectUserId: input.actor.userId,
    data: { contractsCancelled: ended.contractsCancelled, driversEnded: ended.driversEnded, serviceRelationshipEnded: ended.serviceRelationshipEnded },
  });
  await enqueueEmail(tx, {
    to: holding.user!.email,
    locale: holding.user!.locale,
    template: "vehicle-removed",
    payload: { name: holding.user!.firstName, car: `${holding.vehicle.make} ${holding.vehicle.model}`, vin: holding.vehicle.vin, contracts: ended.contractsCancelled, drivers: ended.driversEnded },
  });
  // No link: the car is no longer theirs to open.
  await leaveMessage(tx, {
    userId: actor.userId,
    kind: "vehicle_removed",
    data: { car: `${holding.vehicle.make} ${holding.vehicle.model}`, vin: holding.vehicle.vin, contracts: ended.contractsCancelled },
  });
  // A claim on the car that was waiting for this owner's answer is settled by the removal: the
  // claimant with a certificate in their name gets the car (docs/decisions/0035).
  await settleOnRemoval(tx, { holdingId: holding.id, actor });
  return { contractsCancelled: ended.contractsCancelled, driversEnded: ended.driversEnded };
}
