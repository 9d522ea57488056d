/**
 * The seller withdraws a handover the buyer has not accepted yet (docs/decisions/0034). Only the
 * seller: for anyone else the handover does not exist. Decided on the row under the car's lock,
 * so an acceptance at the same moment either came first (nothing to withdraw) or finds it withdrawn.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { auditBoth, carOf, settleOfferMessage } from "./common";

export async function withdrawHandover(input: { actor: Actor; handoverId: string; now?: Date }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const h = await tx.handover.findFirst({
      where: { id: input.handoverId, sellerId: input.actor.userId },
      select: { id: true, vehicleId: true, sellerId: true, offeredToId: true, buyerName: true, buyerEmail: true, buyerLocale: true, vehicle: { select: { make: true, model: true } } },
    });
    if (!h) throw new AppError("NOT_FOUND");
    await lockVehicle(tx, h.vehicleId);
    const won = await tx.handover.updateMany({ where: { id: h.id, status: "PENDING" }, data: { status: "WITHDRAWN", decidedAt: now } });
    if (won.count !== 1) throw new AppError("CONFLICT", "handover_not_pending");
    // The account told in its inbox of the offer (and whose audit holds the start) has the
    // withdrawal in its audit and inbox too, also when it has changed its address since.
    await auditBoth(tx, input.actor, "handover.withdrawn", h, h.offeredToId);
    await settleOfferMessage(tx, h, now);
    if (h.offeredToId) await leaveMessage(tx, { userId: h.offeredToId, kind: "handover_withdrawn", data: { car: carOf(h) }, link: `/garage/handovers/${h.id}` });
    await enqueueEmail(tx, { to: h.buyerEmail, locale: h.buyerLocale, template: "handover-withdrawn", payload: { name: h.buyerName, car: carOf(h) } });
    return { vehicleId: h.vehicleId };
  });
}
