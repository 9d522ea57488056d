/**
 * A reviewer takes a request from the queue. One conditional update decides: of two reviewers
 * claiming at once, exactly one holds the request; the other is told it is taken.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { reviewableBy, reviewerOrganisation } from "./common";
import { transaction } from "../server/transaction";

export async function claimRequest(input: { actor: Actor; requestId: string; now?: Date }): Promise<{ requestId: string }> {
  assertCan(input.actor, "verification:review");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const request = await tx.verificationRequest.findFirst({
      where: { id: input.requestId, ...reviewableBy(input.actor) },
      select: { id: true, route: true, dealerId: true, vehicleId: true, requesterId: true },
    });
    if (!request) throw new AppError("NOT_FOUND");
    const claimed = await tx.verificationRequest.updateMany({
      where: { id: request.id, status: "SUBMITTED", claimedById: null },
      data: { status: "IN_REVIEW", claimedById: input.actor.userId, claimedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "request_taken");
    await audit(tx, input.actor, "verification.claimed", {
      organisationId: reviewerOrganisation(request),
      entityType: "VerificationRequest",
      entityId: request.id,
      vehicleId: request.vehicleId,
      subjectUserId: request.requesterId,
    });
    return { requestId: request.id };
  });
}

/** The reviewer holding a request puts it back in the queue for a colleague. */
export async function releaseRequest(input: { actor: Actor; requestId: string }): Promise<{ requestId: string }> {
  assertCan(input.actor, "verification:review");
  return transaction(async (tx) => {
    const request = await tx.verificationRequest.findFirst({
      where: { id: input.requestId, ...reviewableBy(input.actor) },
      select: { id: true, route: true, dealerId: true, vehicleId: true, requesterId: true },
    });
    if (!request) throw new AppError("NOT_FOUND");
    const released = await tx.verificationRequest.updateMany({
      where: { id: request.id, status: "IN_REVIEW", claimedById: input.actor.userId },
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
