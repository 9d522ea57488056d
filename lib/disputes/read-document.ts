/**
 * A document copy of a contested dispute, for its reviewer only: the claimant's request copies
 * (kept while the dispute is unsettled) or the holder's certificate. Anyone else, any other
 * state, and any copy already deleted read as not found. Each view is audited.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { log } from "../server/log";
import { transaction } from "../server/transaction";
import { getDocumentStorage } from "../verification/storage";
import { decidableBy } from "./common";

export async function readDisputeDocument(input: { actor: Actor; disputeId: string; documentId: string }): Promise<{ data: Buffer; mimeType: string; kind: string }> {
  assertCan(input.actor, "verification:review");
  const d = await db.dispute.findFirst({
    where: { id: input.disputeId, status: "CONTESTED", ...decidableBy(input.actor) },
    select: {
      id: true,
      route: true,
      dealerId: true,
      vehicleId: true,
      claimantId: true,
      holderId: true,
      request: { select: { documents: { where: { id: input.documentId, deletedAt: null }, select: { id: true, kind: true, mimeType: true, storageKey: true } } } },
      documents: { where: { id: input.documentId, deletedAt: null }, select: { id: true, kind: true, mimeType: true, storageKey: true } },
    },
  });
  if (!d) throw new AppError("NOT_FOUND");
  const claimantDoc = d.request.documents[0];
  const doc = claimantDoc ?? d.documents[0];
  if (!doc) throw new AppError("NOT_FOUND");
  let data: Buffer;
  try {
    data = await getDocumentStorage().get(doc.storageKey);
  } catch (e) {
    log.error({ err: e, documentId: doc.id }, "a dispute's document copy cannot be read");
    throw new AppError("NOT_FOUND");
  }
  await transaction(async (tx) => {
    await audit(tx, input.actor, "dispute.document_viewed", {
      organisationId: d.route === "DEALER" ? d.dealerId : null,
      entityType: "Dispute",
      entityId: d.id,
      vehicleId: d.vehicleId,
      subjectUserId: claimantDoc ? d.claimantId : d.holderId,
      data: { kind: doc.kind, documentId: doc.id },
    });
  });
  return { data, mimeType: doc.mimeType, kind: doc.kind };
}
