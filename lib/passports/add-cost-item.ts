import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { staffPassport } from "./common";
import { MAX_ITEMS, passportRules } from "./rules";

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
