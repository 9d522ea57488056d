/**
 * The seller undoes an accepted handover (docs/decisions/0034): within 48 hours of acceptance and
 * only while the buyer has not opened the car (the case of a mistyped address); otherwise support
 * decides (./support-undo-handover.ts). The transaction itself is ./undo-accepted.ts.
 */
import { assertCan, type Actor } from "../server/authz";
import { transaction } from "../server/transaction";
import { mapUndoRace, undoAccepted, type UndoBy } from "./undo-accepted";

export async function undoHandover(input: { actor: Actor; handoverId: string; now?: Date }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  const undo: UndoBy = { by: "seller" };
  try {
    const r = await transaction((tx) => undoAccepted(tx, { where: { id: input.handoverId, sellerId: input.actor.userId }, actor: input.actor, now, undo }));
    return { vehicleId: r.vehicleId };
  } catch (e) {
    return mapUndoRace(e, undo);
  }
}
