import type { Tx } from "../server/database";
import { AppError } from "../server/errors";

/**
 * Closes open recalls of a car with the service entry whose work resolved them, inside the entry's
 * transaction. Every id must be an open recall of this car: another car's recall, or one closed
 * meanwhile, makes the whole entry fail (NOT_FOUND), so nothing is half-recorded.
 */
export async function resolveRecalls(tx: Tx, input: { vehicleId: string; recallIds: string[]; serviceRecordId: string; at: Date }): Promise<number> {
  if (!input.recallIds.length) return 0;
  const r = await tx.recall.updateMany({
    where: { id: { in: input.recallIds }, vehicleId: input.vehicleId, resolvedAt: null },
    data: { resolvedAt: input.at, serviceRecordId: input.serviceRecordId },
  });
  if (r.count !== input.recallIds.length) throw new AppError("NOT_FOUND", "recall_not_found");
  return r.count;
}
