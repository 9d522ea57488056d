/**
 * The reviewer of a contested dispute (support, or staff of the dealer the claimant chose: the
 * reviewer of the claimant's request) decides who holds the car. For the claimant: the holder's
 * holding ends (OWNERSHIP_CHANGED) and the claimant's starts, in one transaction. For the holder:
 * nothing changes hands. Both are told; the copies of both sides go after the commit. Anyone else,
 * a party to the dispute included, reads it as not found.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { db } from "../server/db";
import { lockVehicle } from "../holdings/vehicles";
import { decidableBy, handToClaimant, markSettled, notifyClosed, SETTLE_SELECT } from "./common";
import { deleteDisputeCopies } from "./delete-copies";
import type { DecideInputT } from "./schemas";

export async function decideDispute(input: DecideInputT & { actor: Actor; now?: Date }): Promise<{ disputeId: string; winner: "claimant" | "holder" }> {
  assertCan(input.actor, "verification:review");
  const now = input.now ?? new Date();
  const where = { id: input.disputeId, status: "CONTESTED" as const, ...decidableBy(input.actor) };
  const seen = await db.dispute.findFirst({ where, select: { vehicleId: true } });
  if (!seen) throw new AppError("NOT_FOUND");
  const r = await transaction(async (tx) => {
    await lockVehicle(tx, seen.vehicleId);
    const d = await tx.dispute.findFirst({ where: { id: input.disputeId, ...decidableBy(input.actor) }, select: SETTLE_SELECT });
    if (!d) throw new AppError("NOT_FOUND");
    if (d.status !== "CONTESTED") throw new AppError("CONFLICT", "dispute_closed");
    const organisationId = d.route === "DEALER" ? d.dealerId : null;
    const status = input.winner === "claimant" ? "CLAIMANT_UPHELD" : "HOLDER_UPHELD";
    await markSettled(tx, d.id, ["CONTESTED"], { status, decidedById: input.actor.userId, decidedAt: now, closedAt: now });
    await audit(tx, input.actor, "dispute.decided", { organisationId, entityType: "Dispute", entityId: d.id, vehicleId: d.vehicleId, data: { winner: input.winner } });
    if (input.winner === "claimant") {
      await handToClaimant(tx, d, { status: "CLAIMANT_UPHELD", holderResult: "lost" }, input.actor, now);
    } else {
      await notifyClosed(tx, d, { claimant: "kept", holder: "kept" }, `${d.vehicle.make} ${d.vehicle.model}`);
    }
    return { disputeId: d.id, requestId: d.requestId };
  });
  await deleteDisputeCopies(r.disputeId, r.requestId, now);
  return { disputeId: r.disputeId, winner: input.winner };
}
