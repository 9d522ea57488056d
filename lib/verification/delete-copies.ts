/**
 * Deletes the document copies of decided, withdrawn or expired requests. Runs after the database
 * commit (a rolled-back decision must not lose its documents); a failure is recorded on the row
 * (deleteAttempts, lastDeleteError) and left to the purge job, which calls this again.
 * Never throws.
 */
import { db } from "../server/db";
import { getDocumentStorage } from "./storage";

export interface DeleteResult {
  deleted: number;
  failed: number;
}

/** Deletes every remaining copy of the given requests; marks a request purged once none is left. */
export async function deleteCopies(requestIds: string[], now = new Date()): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: 0, failed: 0 };
  if (!requestIds.length) return result;
  try {
    const docs = await db.verificationDocument.findMany({
      where: { requestId: { in: requestIds }, deletedAt: null, request: { status: { in: ["APPROVED", "REJECTED", "WITHDRAWN"] } } },
      select: { id: true, storageKey: true },
    });
    const storage = getDocumentStorage();
    for (const doc of docs) {
      try {
        await storage.delete(doc.storageKey);
        await db.verificationDocument.updateMany({ where: { id: doc.id, deletedAt: null }, data: { deletedAt: now, lastDeleteError: null } });
        result.deleted++;
      } catch (e) {
        result.failed++;
        const message = e instanceof Error ? e.message : String(e);
        await db.verificationDocument
          .update({ where: { id: doc.id }, data: { deleteAttempts: { increment: 1 }, lastDeleteError: message.slice(0, 500) } })
          .catch((err) => console.error("[verification] could not record a failed delete", err));
        console.warn(`[verification] deleting document ${doc.id} failed; the purge job retries: ${message}`);
      }
    }
    await db.verificationRequest.updateMany({
      where: { id: { in: requestIds }, documentsPurgedAt: null, status: { in: ["APPROVED", "REJECTED", "WITHDRAWN"] }, documents: { none: { deletedAt: null } } },
      data: { documentsPurgedAt: now },
    });
  } catch (e) {
    console.error("[verification] deleting document copies failed; the purge job retries", e);
    result.failed++;
  }
  return result;
}
