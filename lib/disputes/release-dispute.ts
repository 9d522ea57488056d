/**
 * The holder answers "I sold it, release the car": in one transaction their holding ends (reason
 * RELEASED, with everything that hangs on it) and the claimant becomes the holder. Only the holder
 * of a dispute still waiting for their answer may; anyone else reads it as not found.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { handToClaimant, markSettled, SETTLE_SELECT } from "./common";
import { deleteDisputeCopies } from "./delete-copies";

export async function releaseDispute(input: { actor: Actor; disputeId: string; now?: Date }): Promise<{ disputeId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  const r = await transaction(async (tx) => {
    const seen = await tx.dispute.findFirst({ where: { id: input.disputeId, holderId: input.actor.userId }, select: { vehicleId: true } });
    if (!seen) throw new AppError("NOT_FOUND");
    // The car's lock before the dispute is read again: a removal or the lapse job at the same
    // moment either committed first (this finds it settled) or waits for this one.
    await lockVehicle(tx, seen.vehicleId);
    const d = await tx.dispute.findFirst({ where: { id: input.disputeId, holderId: input.actor.userId }, select: SETTLE_SELECT });
    if (!d) throw new AppError("NOT_FOUND");
    if (d.status !== "OPEN") throw new AppError("CONFLICT", "dispute_closed");
    await markSettled(tx, d.id, ["OPEN"], { status: "RELEASED", answeredAt: now, closedAt: now });
    await audit(tx, input.actor, "dispute.released", { entityType: "Dispute", entityId: d.id, vehicleId: d.vehicleId, subjectUserId: d.holder.id });
    await handToClaimant(tx, d, { status: "RELEASED", holderResult: "released" }, input.actor, now);
    return { disputeId: d.id, requestId: d.requestId };
  });
  await deleteDisputeCopies(r.disputeId, r.requestId, now);
  return { disputeId: r.disputeId };
}
