/**
 * The holder removed the car (or their account was erased, which removes it) while a claim on it
 * waited for their answer or for a reviewer: they let it go, so the claimant gets it, in the
 * removal's own transaction and under its lock. Of a removal and a release at the same moment
 * one commits first and the other finds nothing left to do: one outcome.
 */
import type { Actor } from "../server/authz";
import type { Tx } from "../server/database";
import { audit } from "../server/audit";
import { handToClaimant, markSettled, SETTLE_SELECT, UNSETTLED } from "./common";

export async function settleOnRemoval(tx: Tx, input: { holdingId: string; actor: Actor; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  const disputes = await tx.dispute.findMany({ where: { holderHoldingId: input.holdingId, status: { in: UNSETTLED } }, select: SETTLE_SELECT });
  for (const d of disputes) {
    await markSettled(tx, d.id, UNSETTLED, { status: "RELEASED", closedAt: now, answeredAt: d.status === "OPEN" ? now : undefined });
    await audit(tx, input.actor, "dispute.released", { entityType: "Dispute", entityId: d.id, vehicleId: d.vehicleId, subjectUserId: d.holder.id, data: { by: "removal" } });
    await handToClaimant(tx, d, { status: "RELEASED", holderResult: "removed" }, input.actor, now);
  }
  return disputes.length;
}
