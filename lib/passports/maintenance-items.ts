import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { staffPassport } from "./common";
import { MAX_ITEMS } from "./update-passport";
import { transaction } from "../server/transaction";

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

export async function removeMaintenanceItem(input: { actor: Actor; passportId: string; itemId: string }): Promise<void> {
  await transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId);
    const gone = await tx.passportMaintenanceItem.deleteMany({ where: { id: input.itemId, passportId: p.id } });
    if (gone.count !== 1) throw new AppError("NOT_FOUND");
    await audit(tx, input.actor, "passport.maintenance_removed", { organisationId: p.garageId, entityType: "Passport", entityId: p.id, vehicleId: p.vehicleId, data: { itemId: input.itemId } });
  });
}
