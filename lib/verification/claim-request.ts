/**
 * A reviewer takes a request from the queue, or takes over a claim that lapsed (its holder lost
 * access to the request, or held it CLAIM_HOURS without a decision: claims.ts). One conditional
 * update decides: of two reviewers claiming at once, exactly one holds the request; the other is
 * told it is taken.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { reviewableBy, reviewerOrganisation } from "./common";
import { CLAIM_SELECT, claimLapse, isClaimable, liveClaimHolder, sameClaim } from "./claims";
import { transaction } from "../server/transaction";

const SELECT = { id: true, vehicleId: true, requesterId: true, ...CLAIM_SELECT } as const;

export async function claimRequest(input: { actor: Actor; requestId: string; now?: Date }): Promise<{ requestId: string }> {
  assertCan(input.actor, "verification:review");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const request = await tx.verificationRequest.findFirst({ where: { id: input.requestId, ...reviewableBy(input.actor) }, select: SELECT });
    if (!request) throw new AppError("NOT_FOUND");
    if (!isClaimable(request, now)) throw new AppError("CONFLICT", "request_taken");
    const lapsed = claimLapse(request, now);
    const claimed = await tx.verificationRequest.updateMany({
      where: sameClaim(request),
      data: { status: "IN_REVIEW", claimedById: input.actor.userId, claimedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "request_taken");
    await audit(tx, input.actor, "verification.claimed", {
      organisationId: reviewerOrganisation(request),
      entityType: "VerificationRequest",
      entityId: request.id,
      vehicleId: request.vehicleId,
      subjectUserId: request.requesterId,
      data: lapsed ? { takenOverFrom: request.claimedById, lapsed } : {},
    });
    return { requestId: request.id };
  });
}

/** The reviewer holding a request puts it back in the queue for a colleague. */
export async function releaseRequest(input: { actor: Actor; requestId: string; now?: Date }): Promise<{ requestId: string }> {
  assertCan(input.actor, "verification:review");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const request = await tx.verificationRequest.findFirst({ where: { id: input.requestId, ...reviewableBy(input.actor) }, select: SELECT });
    if (!request) throw new AppError("NOT_FOUND");
    if (liveClaimHolder(request, now) !== input.actor.userId) throw new AppError("CONFLICT", "not_your_request");
    const released = await tx.verificationRequest.updateMany({
      where: sameClaim(request),
      data: { status: "SUBMITTED", claimedById: null, claimedAt: null },
    });
    if (released.count !== 1) throw new AppError("CONFLICT", "not_your_request");
    await audit(tx, input.actor, "verification.released", {
      organisationId: reviewerOrganisation(request),
      entityType: "VerificationRequest",
      entityId: request.id,
      vehicleId: request.vehicleId,
      subjectUserId: request.requesterId,
    });
    return { requestId: request.id };
  });
}
