/**
 * A settled dispute's document copies go: the claimant's request copies (kept while the dispute
 * was unsettled) and the holder's certificate of a contest. After the commit, like every other
 * deletion of copies; what fails is retried by the purge job (the request's copies) or here on
 * the next settlement run (the holder's).
 */
import { db } from "../server/db";
import { log } from "../server/log";
import { deleteCopies } from "../verification/delete-copies";
import { getDocumentStorage } from "../verification/storage";

export async function deleteDisputeCopies(disputeId: string, requestId: string, now: Date): Promise<void> {
  await deleteCopies([requestId], now);
  const docs = await db.disputeDocument.findMany({ where: { disputeId, deletedAt: null, dispute: { status: { notIn: ["OPEN", "CONTESTED"] } } }, select: { id: true, storageKey: true } });
  for (const doc of docs) {
    try {
      await getDocumentStorage().delete(doc.storageKey);
      await db.disputeDocument.update({ where: { id: doc.id }, data: { deletedAt: now } });
    } catch (e) {
      log.warn({ err: e, disputeDocumentId: doc.id }, "deleting a dispute's document copy failed; the dispute job retries");
    }
  }
}
