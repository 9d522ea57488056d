import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { staffPassport } from "./common";
import { passportRules, statusAllowed } from "./rules";
import type { PassportStatusT } from "./schemas";
import { transaction } from "../server/transaction";

/**
 * Staff keep the passport's status and notes up to date. Once the buyer holds the car, notes stay
 * open (service work) but the status is sold or delivered only: the car cannot go back in stock.
 */
export async function updatePassport(input: { actor: Actor; passportId: string; status: PassportStatusT; notes: string }): Promise<void> {
  await transaction(async (tx) => {
    // Locked: a buyer accepting at the same moment waits, and then sees this status.
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if (!statusAllowed(p, input.status)) throw new AppError("CONFLICT", "status_after_sale", { fieldErrors: { status: ["status_after_sale"] } });
    await tx.passport.update({ where: { id: p.id }, data: { status: input.status, notes: input.notes.trim() } });
    await audit(tx, input.actor, "passport.updated", {
      organisationId: p.garageId,
      entityType: "Passport",
      entityId: p.id,
      vehicleId: p.vehicleId,
      data: { status: input.status, statusChanged: p.status !== input.status },
    });
  });
}

export const MAX_ITEMS = 100;

/** An expected delivery cost (amount in cents). */
export async function addCostItem(input: { actor: Actor; passportId: string; description: string; amountCents: number }): Promise<{ itemId: string }> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new AppError("VALIDATION", "amount_invalid", { fieldErrors: { amount: ["amount_invalid"] } });
  return transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if (!passportRules(p).costs) throw new AppError("CONFLICT", "costs_after_sale");
    if ((await tx.passportCostItem.count({ where: { passportId: p.id } })) >= MAX_ITEMS) throw new AppError("CONFLICT", "too_many_items");
    const item = await tx.passportCostItem.create({ data: { passportId: p.id, description: input.description, amountCents: input.amountCents }, select: { id: true } });
    await audit(tx, input.actor, "passport.cost_added", {
      organisationId: p.garageId,
      entityType: "Passport",
      entityId: p.id,
      vehicleId: p.vehicleId,
      data: { itemId: item.id, amountCents: input.amountCents },
    });
    return { itemId: item.id };
  });
}

export async function removeCostItem(input: { actor: Actor; passportId: string; itemId: string }): Promise<void> {
  await transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if (!passportRules(p).costs) throw new AppError("CONFLICT", "costs_after_sale");
    const gone = await tx.passportCostItem.deleteMany({ where: { id: input.itemId, passportId: p.id } });
    if (gone.count !== 1) throw new AppError("NOT_FOUND");
    await audit(tx, input.actor, "passport.cost_removed", { organisationId: p.garageId, entityType: "Passport", entityId: p.id, vehicleId: p.vehicleId, data: { itemId: input.itemId } });
  });
}
