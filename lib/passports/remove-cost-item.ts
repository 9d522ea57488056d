import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { staffPassport } from "./common";
import { passportRules } from "./rules";

/** Removes an expected delivery cost, while the car is still the garage's to sell. */
export async function removeCostItem(input: { actor: Actor; passportId: string; itemId: string }): Promise<void> {
  await transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if (!passportRules(p).costs) throw new AppError("CONFLICT", "costs_after_sale");
    const gone = await tx.passportCostItem.deleteMany({ where: { id: input.itemId, passportId: p.id } });
    if (gone.count !== 1) throw new AppError("NOT_FOUND");
    await audit(tx, input.actor, "passport.cost_removed", { organisationId: p.garageId, entityType: "Passport", entityId: p.id, vehicleId: p.vehicleId, data: { itemId: input.itemId } });
  });
}
