import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { staffPassport } from "./common";

export async function removeMaintenanceItem(input: { actor: Actor; passportId: string; itemId: string }): Promise<void> {
  await transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId);
    const gone = await tx.passportMaintenanceItem.deleteMany({ where: { id: input.itemId, passportId: p.id } });
    if (gone.count !== 1) throw new AppError("NOT_FOUND");
    await audit(tx, input.actor, "passport.maintenance_removed", { organisationId: p.garageId, entityType: "Passport", entityId: p.id, vehicleId: p.vehicleId, data: { itemId: input.itemId } });
  });
}
