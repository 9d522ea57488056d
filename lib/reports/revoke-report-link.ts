/**
 * The car's owner revokes a buyer report link (docs/decisions/0036): it reads as gone from then
 * on. Only a link of the actor's own active owner holding; any other reads as not found.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";

export async function revokeReportLink(input: { actor: Actor; linkId: string; now?: Date }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const link = await tx.reportLink.findFirst({
      where: { id: input.linkId, revokedAt: null, ownerHolding: { is: { userId: input.actor.userId, kind: "OWNER", endedAt: null } } },
      select: { id: true, ownerHolding: { select: { vehicleId: true } } },
    });
    if (!link) throw new AppError("NOT_FOUND");
    const done = await tx.reportLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: now } });
    if (done.count !== 1) throw new AppError("NOT_FOUND");
    const vehicleId = link.ownerHolding.vehicleId;
    await audit(tx, input.actor, "report.link_revoked", { entityType: "ReportLink", entityId: link.id, vehicleId, subjectUserId: input.actor.userId });
    return { vehicleId };
  });
}
