import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { staffPassport } from "./common";

/** Marks a maintenance item done, or open again. */
export async function setMaintenanceDone(input: { actor: Actor; passportId: string; itemId: string; done: boolean }): Promise<void> {
  await transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId);
    const updated = await tx.passportMaintenanceItem.updateMany({ where: { id: input.itemId, passportId: p.id }, data: { doneAt: input.done ? new Date() : null } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await audit(tx, input.actor, input.done ? "passport.maintenance_done" : "passport.maintenance_reopened", {
      organisationId: p.garageId,
      entityType: "Passport",
      entityId: p.id,
      vehicleId: p.vehicleId,
      data: { itemId: input.itemId },
    });
  });
}
