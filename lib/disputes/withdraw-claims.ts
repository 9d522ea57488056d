/**
 * The claimant's account is erased (lib/privacy/erase.ts) while their claims wait: each is
 * withdrawn under the car's lock, nothing changes hands, and the holder is told the claim is
 * settled (never by whom it was made).
 */
import type { Tx } from "../server/database";
import { lockVehicle } from "../holdings/vehicles";
import { SETTLE_SELECT, UNSETTLED, markSettled } from "./common";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import { leaveMessage } from "../messages/leave";

export async function withdrawClaims(tx: Tx, claimantId: string, now: Date): Promise<number> {
  const claims = await tx.dispute.findMany({ where: { claimantId, status: { in: UNSETTLED } }, select: SETTLE_SELECT });
  for (const d of claims) {
    await lockVehicle(tx, d.vehicleId);
    await markSettled(tx, d.id, UNSETTLED, { status: "WITHDRAWN", closedAt: now });
    const car = `${d.vehicle.make} ${d.vehicle.model}`;
    const link = `/garage/disputes/${d.id}` as const;
    await enqueueEmail(tx, {
      to: d.holder.email,
      locale: d.holder.locale,
      template: "dispute-closed",
      payload: { name: d.holder.firstName, car, vin: d.vehicle.vin, result: "withdrawn", url: appLink(d.holder.locale, link) },
    });
    await leaveMessage(tx, { userId: d.holder.id, kind: "dispute_closed", data: { car, vin: d.vehicle.vin, result: "withdrawn" }, link });
  }
  return claims.length;
}
