/**
 * The next service a car is due (issue 13, point 3): set by staff of a workshop that services the
 * car, or by its owner. One open item per car: a new one replaces the open one (kept, marked
 * REPLACED), under the car's lock so two at once leave one open.
 */
import { assertCan, type Actor } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import type { Tx } from "../server/database";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { actingWorkshop } from "../dossier/access";
import type { SetOwnerDueInputT, SetWorkshopDueInputT } from "./schemas";

type Due = { vehicleId: string; task: string; dueOn?: Date; dueKm?: number };

async function replaceDue(tx: Tx, due: Due, by: { source: "WORKSHOP" | "OWNER"; organisationId: string | null; userId: string }): Promise<string> {
  await lockVehicle(tx, due.vehicleId);
  await tx.maintenanceDue.updateMany({ where: { vehicleId: due.vehicleId, status: "OPEN" }, data: { status: "REPLACED", closedAt: new Date() } });
  const row = await tx.maintenanceDue.create({
    data: {
      vehicleId: due.vehicleId,
      description: due.task,
      dueOn: due.dueOn ?? null,
      dueKm: due.dueKm ?? null,
      source: by.source,
      organisationId: by.organisationId,
      setById: by.userId,
    },
    select: { id: true },
  });
  return row.id;
}

const auditData = (d: Due, source: string) => ({ source, dueOn: d.dueOn?.toISOString().slice(0, 10) ?? null, dueKm: d.dueKm ?? null });

/** A workshop that services the car sets its next service; any other car reads as not found. */
type Loose<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export async function setWorkshopDue(input: { actor: Actor } & Loose<SetWorkshopDueInputT, "dueOn" | "dueKm" | "organisationId">): Promise<{ dueId: string }> {
  const { actor, organisationId, ...due } = input;
  return transaction(async (tx) => {
    const org = await actingWorkshop(tx, actor, due.vehicleId, organisationId);
    const dueId = await replaceDue(tx, due, { source: "WORKSHOP", organisationId: org.id, userId: actor.userId });
    await audit(tx, actor, "maintenance.due_set", { organisationId: org.id, entityType: "MaintenanceDue", entityId: dueId, vehicleId: due.vehicleId, data: auditData(due, "WORKSHOP") });
    return { dueId };
  });
}

/** The car's owner sets its next service; a driver, a former owner and anyone else find no such car. */
export async function setOwnerDue(input: { actor: Actor } & Loose<SetOwnerDueInputT, "dueOn" | "dueKm">): Promise<{ dueId: string }> {
  const { actor, ...due } = input;
  assertCan(actor, "garage:use");
  return transaction(async (tx) => {
    const holding = await tx.holding.findFirst({ where: { vehicleId: due.vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null }, select: { id: true } });
    if (!holding) throw new AppError("NOT_FOUND", "vehicle_not_held");
    const dueId = await replaceDue(tx, due, { source: "OWNER", organisationId: null, userId: actor.userId });
    await audit(tx, actor, "maintenance.due_set", { entityType: "MaintenanceDue", entityId: dueId, vehicleId: due.vehicleId, subjectUserId: actor.userId, data: auditData(due, "OWNER") });
    return { dueId };
  });
}
