/**
 * The buyer opened the car they accepted (docs/decisions/0034): from then on the seller can no
 * longer undo the handover (only support can). Called by the car's page for its owner; a
 * conditional update, so a second visit or one at the same moment as an undo changes nothing.
 */
import type { Actor } from "../server/authz";
import { db } from "../server/db";
import { transaction } from "../server/transaction";
import { auditBoth } from "./common";

export async function markHandoverOpened(actor: Actor, vehicleId: string, now = new Date()): Promise<boolean> {
  // Read first without a transaction: nearly every visit finds nothing to mark.
  const h = await db.handover.findFirst({
    where: { vehicleId, buyerId: actor.userId, status: "ACCEPTED", buyerOpenedAt: null, buyerHolding: { is: { endedAt: null } } },
    select: { id: true, vehicleId: true, sellerId: true, buyerName: true },
  });
  if (!h) return false;
  return transaction(async (tx) => {
    const marked = await tx.handover.updateMany({ where: { id: h.id, status: "ACCEPTED", buyerOpenedAt: null }, data: { buyerOpenedAt: now } });
    if (marked.count !== 1) return false;
    await auditBoth(tx, actor, "handover.buyer_opened", h, actor.userId);
    return true;
  });
}
