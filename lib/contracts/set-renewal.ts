/**
 * The owner turns automatic renewal of an ACTIVE contract of their car on or off. Only the car's
 * current owner may: the contract is read through the owner's own active holding, so another
 * owner, an authorised driver and staff read it as not found. A contract that is not active
 * (pending, cancelled at removal, expired) cannot be changed any more.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import type { SetRenewalInputT } from "./schemas";

export async function setContractRenewal(input: SetRenewalInputT & { actor: Actor }): Promise<{ contractId: string; autoRenew: boolean }> {
  assertCan(input.actor, "garage:use");
  return transaction(async (tx) => {
    const c = await tx.contract.findFirst({
      where: { id: input.contractId, holding: { is: { userId: input.actor.userId, kind: "OWNER", endedAt: null } } },
      select: { id: true, status: true, autoRenew: true, vehicleId: true },
    });
    if (!c) throw new AppError("NOT_FOUND");
    if (c.status !== "ACTIVE") throw new AppError("CONFLICT", "contract_not_active");
    if (c.autoRenew === input.autoRenew) return { contractId: c.id, autoRenew: c.autoRenew };
    // Still active at the moment of writing: the daily job may have ended it in between.
    const changed = await tx.contract.updateMany({ where: { id: c.id, status: "ACTIVE" }, data: { autoRenew: input.autoRenew } });
    if (changed.count !== 1) throw new AppError("CONFLICT", "contract_not_active");
    await audit(tx, input.actor, "contract.renewal_changed", {
      entityType: "Contract",
      entityId: c.id,
      vehicleId: c.vehicleId,
      subjectUserId: input.actor.userId,
      data: { autoRenew: input.autoRenew },
    });
    return { contractId: c.id, autoRenew: input.autoRenew };
  });
}
