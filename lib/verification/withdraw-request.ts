/**
 * The owner withdraws a request before the decision; its document copies are deleted right after
 * the commit (or by the purge job if that fails).
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { OPEN_STATUSES } from "./common";
import { deleteCopies } from "./delete-copies";
import { transaction } from "../server/transaction";

export async function withdrawRequest(input: { actor: Actor; requestId: string; now?: Date }): Promise<{ requestId: string; copiesDeleted: boolean }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  await transaction(async (tx) => {
    const request = await tx.verificationRequest.findFirst({
      where: { id: input.requestId, requesterId: input.actor.userId },
      select: { id: true, vehicleId: true },
    });
    if (!request) throw new AppError("NOT_FOUND");
    const withdrawn = await tx.verificationRequest.updateMany({
      where: { id: request.id, requesterId: input.actor.userId, status: { in: [...OPEN_STATUSES] } },
      data: { status: "WITHDRAWN", withdrawnAt: now },
    });
    if (withdrawn.count !== 1) throw new AppError("CONFLICT", "request_decided");
    await audit(tx, input.actor, "verification.withdrawn", {
      entityType: "VerificationRequest",
      entityId: request.id,
      vehicleId: request.vehicleId,
      subjectUserId: input.actor.userId,
    });
  });
  const deleted = await deleteCopies([input.requestId], now);
  return { requestId: input.requestId, copiesDeleted: deleted.failed === 0 };
}
