/**
 * The reviewer rejects with a reason from the list (and free text): status, audit entry and the
 * owner's e-mail in one transaction; no facts are kept. After the commit the document copies are
 * deleted (or left to the purge job if that fails).
 */
import { appLink } from "../server/urls";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { reviewableBy, reviewerOrganisation } from "./common";
import { CLAIM_SELECT, liveClaimHolder, sameClaim } from "./claims";
import { deleteCopies } from "./delete-copies";
import type { RejectInputT } from "./schemas";
import { transaction } from "../server/transaction";

export async function rejectRequest(input: RejectInputT & { actor: Actor; now?: Date }): Promise<{ requestId: string; copiesDeleted: boolean }> {
  assertCan(input.actor, "verification:review");
  const actor = input.actor;
  const now = input.now ?? new Date();
  await transaction(async (tx) => {
    const request = await tx.verificationRequest.findFirst({
      where: { id: input.requestId, ...reviewableBy(actor) },
      select: { id: true, vin: true, vehicleId: true, ...CLAIM_SELECT, requester: { select: { id: true, email: true, locale: true, firstName: true } } },
    });
    if (!request) throw new AppError("NOT_FOUND");
    if (liveClaimHolder(request, now) !== actor.userId) throw new AppError("CONFLICT", "not_your_request");
    const decided = await tx.verificationRequest.updateMany({
      where: sameClaim(request),
      data: { status: "REJECTED", decidedById: actor.userId, decidedAt: now, rejectionReason: input.reason, rejectionNote: input.note ?? null },
    });
    if (decided.count !== 1) throw new AppError("CONFLICT", "not_your_request");
    await audit(tx, actor, "verification.rejected", {
      organisationId: reviewerOrganisation(request),
      entityType: "VerificationRequest",
      entityId: request.id,
      vehicleId: request.vehicleId,
      subjectUserId: request.requester.id,
      data: { reason: input.reason },
    });
    await enqueueEmail(tx, {
      to: request.requester.email,
      locale: request.requester.locale,
      template: "verification-rejected",
      payload: {
        name: request.requester.firstName,
        vin: request.vin,
        reason: input.reason,
        note: input.note ?? "—",
        url: appLink(request.requester.locale, `/garage/verifications/${request.id}`),
      },
    });
    await leaveMessage(tx, { userId: request.requester.id, vehicleId: request.vehicleId, kind: "verification_rejected", data: { vin: request.vin, reason: input.reason }, link: `/garage/verifications/${request.id}` });
  });
  const deleted = await deleteCopies([input.requestId], now);
  return { requestId: input.requestId, copiesDeleted: deleted.failed === 0 };
}
