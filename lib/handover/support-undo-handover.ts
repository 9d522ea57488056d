/**
 * Support undoes an accepted handover once the seller no longer can (docs/decisions/0034: "otherwise
 * support decides"): more than 48 hours after acceptance, or the buyer has opened the car. With a
 * reason, which both parties are told and both audits hold. The same transaction as the seller's
 * undo (./undo-accepted.ts), without the seller's time limit, and still once only: refused when the
 * buyer no longer holds the car. Only support; a handover a support member is party to is not
 * theirs to decide, and for everyone else it does not exist.
 */
import { assertCan, type Actor } from "../server/authz";
import { transaction } from "../server/transaction";
import { mapUndoRace, undoAccepted, type UndoBy } from "./undo-accepted";
import { decidableBy } from "./support-queries";

export async function supportUndoHandover(input: { actor: Actor; handoverId: string; reason: string; now?: Date }): Promise<{ vehicleId: string; handoverId: string }> {
  assertCan(input.actor, "handovers:decide");
  const now = input.now ?? new Date();
  const undo: UndoBy = { by: "support", reason: input.reason };
  try {
    return await transaction((tx) => undoAccepted(tx, { where: { id: input.handoverId, ...decidableBy(input.actor) }, actor: input.actor, now, undo }));
  } catch (e) {
    return mapUndoRace(e, undo);
  }
}
