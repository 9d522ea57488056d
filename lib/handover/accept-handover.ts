/**
 * The buyer accepts a handover (docs/decisions/0034). In one transaction, under the car's lock:
 * the handover is spent once (a conditional update wins), the seller's holding ends as SOLD with
 * everything that hangs on it (authorised drivers, driver invitations, appointments, the contracts
 * that do not go with the car), the buyer's holding starts, the contracts that go with the car
 * move to it, the odometer at sale is written to the car's history, and both parties get an e-mail.
 * Access is read from the holdings on every request, so the seller's and the drivers' sessions see
 * the car no more from their next request.
 */
import { createAccountFromLink, prepareAccountFromLink } from "../accounts/account-from-link";
import type { Tx } from "../server/database";
import { userActor, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { db } from "../server/db";
import { limitLinkFormByAddress } from "../server/form-limits";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { endOwnerHolding, startOwnerHolding } from "../holdings/holdings";
import { lockVehicle } from "../holdings/vehicles";
import { isSerializationFailure, isUniqueViolation } from "../server/db-errors";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import { assessLine } from "../dossier/mileage";
import { loadEntries, readingsOf } from "../dossier/history";
import type { UserLocale } from "../../i18n/routing";
import { assertOpen, auditBoth, carOf, handoverByRef, handoverByToken, settleOfferMessage, type HandoverRef, type LoadedHandover } from "./common";

type Buyer = { id: string; email: string; locale: UserLocale; firstName: string };

async function acceptInTx(tx: Tx, seen: LoadedHandover, buyer: Buyer, actor: Actor, now: Date): Promise<{ vehicleId: string; handoverId: string }> {
  await lockVehicle(tx, seen.vehicleId);
  if (buyer.id === seen.sellerId) throw new AppError("NOT_FOUND", "handover_invalid");
  // Spent once, and only while open: an expired, withdrawn or lapsed handover changes nothing.
  const won = await tx.handover.updateMany({
    where: { id: seen.id, status: "PENDING", expiresAt: { gt: now } },
    data: { status: "ACCEPTED", decidedAt: now, buyerId: buyer.id },
  });
  if (won.count !== 1) {
    // Why not, as the row is now (another acceptance, a withdrawal, a removal of the car).
    assertOpen(await tx.handover.findUnique({ where: { id: seen.id }, select: HANDOVER_ROW }).then((r) => (r ? { ...seen, ...r } : null)), now);
    throw new AppError("GONE", "handover_used");
  }
  const seller = await tx.holding.findFirst({ where: { id: seen.sellerHoldingId, kind: "OWNER", endedAt: null }, select: { id: true } });
  if (!seller) throw new AppError("GONE", "handover_withdrawn");

  const rows = await tx.handoverContract.findMany({ where: { handoverId: seen.id }, select: { contractId: true, moves: true } });
  const moving = rows.filter((r) => r.moves).map((r) => r.contractId);
  // The contracts that go with the car step out of the seller's holding before it ends (which
  // cancels every other one), and into the buyer's once it starts.
  const detached = await tx.contract.updateMany({ where: { id: { in: moving }, holdingId: seller.id, status: { in: ["ACTIVE", "PENDING"] } }, data: { holdingId: null } });
  const ended = await endOwnerHolding(tx, { holdingId: seller.id, vehicleId: seen.vehicleId, reason: "SOLD", cancellationReason: "vehicle_sold", now, actor });
  const started = await startOwnerHolding(tx, { vehicleId: seen.vehicleId, userId: buyer.id, origin: "HANDOVER", actor, now });
  await tx.contract.updateMany({ where: { id: { in: moving }, holdingId: null, vehicleId: seen.vehicleId }, data: { holdingId: started.id } });
  await tx.handover.update({ where: { id: seen.id }, data: { buyerHoldingId: started.id } });
  await recordMileageAtSale(tx, seen);

  const car = carOf(seen);
  const counts = { contractsMoved: detached.count, contractsCancelled: ended.contractsCancelled, driversEnded: ended.driversEnded };
  await auditBoth(tx, actor, "handover.accepted", seen, buyer.id, { ...counts, mileageKm: seen.mileageKm });
  await settleOfferMessage(tx, seen, now);
  await enqueueEmail(tx, {
    to: seen.seller.email,
    locale: seen.seller.locale,
    template: "handover-accepted",
    payload: { name: seen.seller.firstName, car, buyer: seen.buyerName, contracts: detached.count, cancelled: ended.contractsCancelled, url: appLink(seen.seller.locale, `/garage/handovers/${seen.id}`) },
  });
  await leaveMessage(tx, { userId: seen.sellerId, kind: "handover_accepted", data: { car, buyer: seen.buyerName }, link: `/garage/handovers/${seen.id}` });
  await enqueueEmail(tx, {
    to: buyer.email,
    locale: buyer.locale,
    template: "handover-completed",
    payload: { name: buyer.firstName, car, contracts: detached.count, url: appLink(buyer.locale, `/garage/vehicles/${seen.vehicleId}`) },
  });
  await leaveMessage(tx, { userId: buyer.id, vehicleId: seen.vehicleId, kind: "handover_completed", data: { car }, link: `/garage/vehicles/${seen.vehicleId}` });
  return { vehicleId: seen.vehicleId, handoverId: seen.id };
}

const HANDOVER_ROW = { status: true, expiresAt: true } as const;

/**
 * The odometer at sale joins the car's history as the seller's reading, dated the day of sale and
 * recorded when the seller typed it (the handover's start), so its plausibility is judged then.
 */
async function recordMileageAtSale(tx: Tx, h: LoadedHandover): Promise<void> {
  await tx.serviceRecord.create({
    data: {
      vehicleId: h.vehicleId,
      kind: "HANDOVER",
      source: "OWNER",
      recordedById: h.sellerId,
      performedAt: h.soldOn,
      mileageKm: h.mileageKm,
      description: "",
      createdAt: h.createdAt,
    },
  });
  const line = assessLine(readingsOf(await loadEntries(tx, h.vehicleId)));
  if (line.latest) await tx.vehicle.update({ where: { id: h.vehicleId }, data: { mileageKm: line.latest.km } });
}

function mapRace(e: unknown): never {
  // PostgreSQL aborts a concurrent transaction that lost a row lock race with a serialization error.
  if (isSerializationFailure(e)) throw new AppError("GONE", "handover_used");
  if (isUniqueViolation(e) && !(e instanceof AppError)) throw new AppError("GONE", "handover_used");
  throw e;
}

/**
 * The signed-in buyer accepts, from the link or from their inbox (by id); for any other account the
 * handover does not exist.
 */
export async function acceptHandover(input: { actor: Actor; now?: Date } & HandoverRef): Promise<{ vehicleId: string; handoverId: string }> {
  const now = input.now ?? new Date();
  try {
    return await transaction(async (tx) => {
      const h = await handoverByRef(tx, input);
      if (!h || h.buyerEmail !== input.actor.email) throw new AppError("NOT_FOUND", "handover_invalid");
      assertOpen(h, now);
      const buyer = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { id: true, email: true, locale: true, firstName: true } });
      return acceptInTx(tx, h, buyer, input.actor, now);
    });
  } catch (e) {
    return mapRace(e);
  }
}

/** The addressed buyer's account, if any; one that is active or disabled must sign in instead. */
/**
 * A buyer without an account follows the link: the account is created active (the link proved the
 * address) and the handover accepted, in one transaction. Limited per client address and per
 * address, and the handover checked, before the password is hashed.
 */
export async function acceptHandoverWithNewAccount(input: {
  token: string;
  firstName: string;
  lastName: string;
  password: string;
  locale: UserLocale;
  address: string;
  now?: Date;
}): Promise<{ vehicleId: string; handoverId: string; email: string }> {
  const now = input.now ?? new Date();
  await limitLinkFormByAddress(input.address);
  const seen = assertOpen(await handoverByToken(db, input.token), now);
  const passwordHash = await prepareAccountFromLink(db, seen.buyerEmail, input.password, "handover_sign_in_instead");
  try {
    return await transaction(async (tx) => {
      const h = assertOpen(await handoverByToken(tx, input.token), now);
      const user = await createAccountFromLink(tx, { email: h.buyerEmail, passwordHash, account: input, now, signInInstead: "handover_sign_in_instead" });
      const r = await acceptInTx(tx, h, user, userActor(user), now);
      return { ...r, email: user.email };
    });
  } catch (e) {
    return mapRace(e);
  }
}
