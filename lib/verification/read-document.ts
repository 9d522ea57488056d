/**
 * A document copy for the reviewer holding its request (their claim live, still in review); anyone
 * else, and any copy already deleted, reads as not found. Each view is audited.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { reviewableBy, reviewerOrganisation } from "./common";
import { CLAIM_SELECT, liveClaimHolder } from "./claims";
import { getDocumentStorage } from "./storage";
import { transaction } from "../server/transaction";
import { log } from "../server/log";

export async function readDocument(input: { actor: Actor; documentId: string; now?: Date }): Promise<{ data: Buffer; mimeType: string; kind: string }> {
  assertCan(input.actor, "verification:review");
  const doc = await db.verificationDocument.findFirst({
    where: { id: input.documentId, deletedAt: null, request: { status: "IN_REVIEW", claimedById: input.actor.userId, ...reviewableBy(input.actor) } },
    select: { id: true, kind: true, mimeType: true, storageKey: true, request: { select: { id: true, requesterId: true, vehicleId: true, ...CLAIM_SELECT } } },
  });
  // Only while the reviewer's claim is live (claims.ts): a lapsed claim shows nothing.
  if (!doc || liveClaimHolder(doc.request, input.now ?? new Date()) !== input.actor.userId) throw new AppError("NOT_FOUND");
  let data: Buffer;
  try {
    data = await getDocumentStorage().get(doc.storageKey);
  } catch (e) {
    // Missing or failing its auth tag: nothing to show.
    log.error({ err: e, documentId: doc.id }, "a document copy cannot be read");
    throw new AppError("NOT_FOUND");
  }
  await transaction(async (tx) => {
    await audit(tx, input.actor, "verification.document_viewed", {
      organisationId: reviewerOrganisation(doc.request),
      entityType: "VerificationDocument",
      entityId: doc.id,
      vehicleId: doc.request.vehicleId,
      subjectUserId: doc.request.requesterId,
      data: { kind: doc.kind },
    });
  });
  return { data, mimeType: doc.mimeType, kind: doc.kind };
}
