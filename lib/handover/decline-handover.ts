/**
 * The buyer declines a handover (docs/decisions/0034): the car stays with the seller, who is told.
 * Signed in, only the addressed account; without an account, the link proves the address.
 */
import type { Tx } from "../server/database";
import { userActor, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { isSerializationFailure } from "../server/db-errors";
import { lockVehicle } from "../holdings/vehicles";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import { assertOpen, auditBoth, buyerAccount, carOf, handoverByRef, handoverByToken, settleOfferMessage, type HandoverRef, type LoadedHandover } from "./common";

async function declineInTx(tx: Tx, h: LoadedHandover, buyerId: string | null, actor: Actor | null, now: Date): Promise<{ handoverId: string }> {
  await lockVehicle(tx, h.vehicleId);
  const won = await tx.handover.updateMany({ where: { id: h.id, status: "PENDING", expiresAt: { gt: now } }, data: { status: "DECLINED", decidedAt: now, buyerId } });
  if (won.count !== 1) throw new AppError("GONE", "handover_used");
  const car = carOf(h);
  await auditBoth(tx, actor, "handover.declined", h, buyerId);
  await settleOfferMessage(tx, h, now);
  await enqueueEmail(tx, {
    to: h.seller.email,
    locale: h.seller.locale,
    template: "handover-declined",
    payload: { name: h.seller.firstName, car, buyer: h.buyerName, url: appLink(h.seller.locale, `/garage/vehicles/${h.vehicleId}`) },
  });
  await leaveMessage(tx, { userId: h.sellerId, vehicleId: h.vehicleId, kind: "handover_declined", data: { car, buyer: h.buyerName }, link: `/garage/vehicles/${h.vehicleId}` });
  return { handoverId: h.id };
}

async function run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await transaction(fn);
  } catch (e) {
    if (isSerializationFailure(e)) throw new AppError("GONE", "handover_used");
    throw e;
  }
}

/** The signed-in buyer declines, from the link or from their inbox (by id); for any other account the handover does not exist. */
export async function declineHandover(input: { actor: Actor; now?: Date } & HandoverRef): Promise<{ handoverId: string }> {
  const now = input.now ?? new Date();
  return run(async (tx) => {
    const h = await handoverByRef(tx, input);
    if (!h || h.buyerEmail !== input.actor.email || h.sellerId === input.actor.userId) throw new AppError("NOT_FOUND", "handover_invalid");
    return declineInTx(tx, assertOpen(h, now), input.actor.userId, input.actor, now);
  });
}

/** A buyer without an active account declines from the link; one with an account signs in first. */
export async function declineHandoverByToken(input: { token: string; now?: Date }): Promise<{ handoverId: string }> {
  const now = input.now ?? new Date();
  return run(async (tx) => {
    const h = assertOpen(await handoverByToken(tx, input.token), now);
    const account = await buyerAccount(tx, h.buyerEmail);
    if (account?.status === "ACTIVE") throw new AppError("CONFLICT", "handover_sign_in_instead");
    return declineInTx(tx, h, null, account ? userActor(account) : null, now);
  });
}
