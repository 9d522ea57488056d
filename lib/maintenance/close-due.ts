import type { Tx } from "../server/database";

const DAY = 86_400_000;

/**
 * A service entry closes the car's open due item (issue 13, point 3), inside the entry's
 * transaction: only a SERVICE, and only work done on or after the day the item was set (an owner
 * reporting last year's service does not close this year's).
 */
export async function closeDueByService(tx: Tx, entry: { vehicleId: string; kind: string; performedOn: Date; serviceRecordId: string }): Promise<number> {
  if (entry.kind !== "SERVICE") return 0;
  const r = await tx.maintenanceDue.updateMany({
    where: { vehicleId: entry.vehicleId, status: "OPEN", createdAt: { lt: new Date(entry.performedOn.getTime() + DAY) } },
    data: { status: "DONE", closedAt: new Date(), serviceRecordId: entry.serviceRecordId },
  });
  return r.count;
}
