/**
 * The daily job (lib/jobs/registry.ts): a dispute the holder left unanswered past its answer date
 * counts as released. Each dispute is settled in its own transaction under the car's lock by one
 * conditional update (common.ts markSettled), so two runs, or two nodes at once, settle it once;
 * a dispute answered meanwhile is left alone. A dispute that cannot be settled (someone else
 * holds the car by now) is logged and stays for a person to look at.
 */
import { db } from "../server/db";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { log } from "../server/log";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { handToClaimant, markSettled, SETTLE_SELECT } from "./common";
import { deleteDisputeCopies } from "./delete-copies";

/** `disputeIds` narrows a run (tests sharing one database); the job runs over every dispute. */
export async function lapseDisputes(now: Date, opts: { disputeIds?: string[] } = {}): Promise<{ lapsed: number; skipped: number }> {
  const due = await db.dispute.findMany({
    where: { status: "OPEN", respondBy: { lte: now }, ...(opts.disputeIds ? { id: { in: opts.disputeIds } } : {}) },
    select: { id: true, vehicleId: true },
    orderBy: { respondBy: "asc" },
    take: 500,
  });
  let lapsed = 0;
  let skipped = 0;
  for (const { id, vehicleId } of due) {
    try {
      const settled = await transaction(async (tx) => {
        await lockVehicle(tx, vehicleId);
        const d = await tx.dispute.findFirst({ where: { id, status: "OPEN", respondBy: { lte: now } }, select: SETTLE_SELECT });
        if (!d) return null;
        await markSettled(tx, d.id, ["OPEN"], { status: "LAPSED", closedAt: now });
        await audit(tx, null, "dispute.lapsed", { entityType: "Dispute", entityId: d.id, vehicleId: d.vehicleId, subjectUserId: d.holder.id });
        await handToClaimant(tx, d, { status: "LAPSED", holderResult: "lapsed" }, null, now);
        return d;
      });
      if (!settled) continue;
      lapsed++;
      await deleteDisputeCopies(settled.id, settled.requestId, now);
    } catch (e) {
      if (e instanceof AppError && e.messageKey === "dispute_closed") continue;
      skipped++;
      log.warn({ err: e, disputeId: id }, "a lapsed dispute could not be settled");
    }
  }
  // Copies of settled disputes a failed or skipped delete left (a removal settles inside its own
  // transaction and leaves them here): the claimant's go with the purge job, the holder's here.
  const leftovers = await db.dispute.findMany({
    where: { status: { notIn: ["OPEN", "CONTESTED"] }, documents: { some: { deletedAt: null } }, ...(opts.disputeIds ? { id: { in: opts.disputeIds } } : {}) },
    select: { id: true, requestId: true },
    take: 500,
  });
  for (const d of leftovers) await deleteDisputeCopies(d.id, d.requestId, now);
  return { lapsed, skipped };
}
