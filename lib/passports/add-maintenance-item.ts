import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { staffPassport } from "./common";
import { MAX_ITEMS } from "./rules";

/** Planned or done maintenance on the passport (e.g. "APK", "new tyres before delivery"). */
export async function addMaintenanceItem(input: { actor: Actor; passportId: string; description: string; dueAt?: Date }): Promise<{ itemId: string }> {
  return transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if ((await tx.passportMaintenanceItem.count({ where: { passportId: p.id } })) >= MAX_ITEMS) throw new AppError("CONFLICT", "too_many_items");
    const item = await tx.passportMaintenanceItem.create({ data: { passportId: p.id, description: input.description, dueAt: input.dueAt ?? null }, select: { id: true } });
    await audit(tx, input.actor, "passport.maintenance_added", { organisationId: p.garageId, entityType: "Passport", entityId: p.id, vehicleId: p.vehicleId, data: { itemId: item.id } });
    return { itemId: item.id };
  });
}
