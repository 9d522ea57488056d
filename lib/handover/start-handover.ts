/**
 * The owner starts a handover of their car to its buyer (docs/decisions/0034): who the buyer is,
 * the date of sale and the odometer then, which contracts go with the car (those whose product
 * can) and which end. The buyer gets an e-mail with a link (only its hash is kept), and a buyer
 * with an account also an inbox message to the handover's page; nothing changes hands until the
 * buyer accepts.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { isUniqueViolation } from "../server/db-errors";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { newToken } from "../server/tokens";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { isTransferable } from "../linking/products";
import { assessLine } from "../dossier/mileage";
import { loadEntries, readingsOf } from "../dossier/history";
import { auditBoth, buyerAccount, DAY_MS, HANDOVER_DAYS } from "./common";
import type { StartHandoverInputT } from "./schemas";

export async function startHandover(input: StartHandoverInputT & { actor: Actor; now?: Date }): Promise<{ handoverId: string; token: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  if (input.buyerEmail === input.actor.email) throw new AppError("VALIDATION", "handover_to_self", { fieldErrors: { buyerEmail: ["handover_to_self"] } });
  try {
    return await transaction(async (tx) => {
      await lockVehicle(tx, input.vehicleId);
      // Only the car's current owner: anyone else (a driver, another owner, staff) finds nothing.
      const holding = await tx.holding.findFirst({
        where: { vehicleId: input.vehicleId, userId: input.actor.userId, kind: "OWNER", endedAt: null },
        select: {
          id: true,
          vehicle: { select: { make: true, model: true } },
          contracts: { where: { status: { in: ["ACTIVE", "PENDING"] } }, select: { id: true, product: true, autoRenew: true } },
        },
      });
      if (!holding) throw new AppError("NOT_FOUND");
      const pending = await tx.handover.findFirst({ where: { vehicleId: input.vehicleId, status: "PENDING" }, select: { id: true } });
      if (pending) throw new AppError("CONFLICT", "handover_pending");

      const ids = new Set(holding.contracts.map((c) => c.id));
      if (input.move.some((id) => !ids.has(id))) throw new AppError("VALIDATION", "contract_not_transferable", { fieldErrors: { move: ["contract_not_transferable"] } });
      const chosen = new Set(input.move);
      if (holding.contracts.some((c) => chosen.has(c.id) && !isTransferable(c.product))) {
        throw new AppError("VALIDATION", "contract_not_transferable", { fieldErrors: { move: ["contract_not_transferable"] } });
      }

      // The odometer cannot go back: a reading at sale below an earlier one is a typo.
      const line = assessLine(readingsOf(await loadEntries(tx, input.vehicleId)));
      const before = line.readings.filter((r) => r.on.getTime() <= input.soldOn.getTime()).at(-1);
      if (before && before.km > input.mileageKm) throw new AppError("VALIDATION", "mileage_lower", { fieldErrors: { mileageKm: ["mileage_lower"] } });

      const existing = await buyerAccount(tx, input.buyerEmail);
      const buyerActive = existing?.status === "ACTIVE";
      // An existing account reads its own language; a new buyer the one the seller chose.
      const locale = buyerActive ? existing.locale : input.locale;
      const { token, hash } = newToken();
      const h = await tx.handover.create({
        data: {
          tokenHash: hash,
          vehicleId: input.vehicleId,
          sellerHoldingId: holding.id,
          sellerId: input.actor.userId,
          buyerEmail: input.buyerEmail,
          buyerName: input.buyerName,
          buyerLocale: locale,
          offeredToId: buyerActive ? existing.id : null,
          soldOn: input.soldOn,
          mileageKm: input.mileageKm,
          expiresAt: new Date(now.getTime() + HANDOVER_DAYS * DAY_MS),
          createdAt: now,
          contracts: { create: holding.contracts.map((c) => ({ contractId: c.id, moves: chosen.has(c.id), autoRenew: c.autoRenew })) },
        },
        select: { id: true, vehicleId: true, sellerId: true, buyerName: true },
      });
      const moving = holding.contracts.filter((c) => chosen.has(c.id)).length;
      const car = `${holding.vehicle.make} ${holding.vehicle.model}`;
      await auditBoth(tx, input.actor, "handover.started", h, buyerActive ? existing.id : null, { contractsMoving: moving, contractsEnding: holding.contracts.length - moving });
      await enqueueEmail(tx, {
        to: input.buyerEmail,
        locale,
        template: "handover-offer",
        payload: { name: input.buyerName, car, days: HANDOVER_DAYS, url: appLink(locale, `/handovers/${token}`) },
      });
      // An existing account also finds it in its inbox, by the handover's own page in the garage
      // (never the link's token): the account's proven address is the buyer's.
      if (buyerActive) await leaveMessage(tx, { userId: existing.id, kind: "handover_offered", data: { car, handoverId: h.id }, link: `/garage/handovers/${h.id}` });
      return { handoverId: h.id, token };
    });
  } catch (e) {
    // Two handovers of one car started at once: the database admits one pending.
    if (isUniqueViolation(e) && !(e instanceof AppError)) throw new AppError("CONFLICT", "handover_pending");
    throw e;
  }
}
