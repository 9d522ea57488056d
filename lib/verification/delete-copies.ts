/**
 * Deletes the document copies of decided, withdrawn or expired requests. Runs after the database
 * commit (a rolled-back decision must not lose its documents); a failure is recorded on the row
 * (deleteAttempts, lastDeleteError) and left to the purge job, which calls this again.
 * Never throws.
 */
import type { Prisma } from "../../generated/prisma/client";
import { db } from "../server/db";
import { log } from "../server/log";
import { getDocumentStorage } from "./storage";

/**
 * An approved request whose car another owner holds keeps its copies while the dispute is
 * unsettled: a contest shows them to the reviewer (docs/decisions/0035).
 */
export const NOT_DISPUTED = { NOT: { dispute: { is: { status: { in: ["OPEN", "CONTESTED"] } } } } } satisfies Prisma.VerificationRequestWhereInput;

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
      where: { requestId: { in: requestIds }, deletedAt: null, request: { status: { in: ["APPROVED", "REJECTED", "WITHDRAWN"] }, ...NOT_DISPUTED } },
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
          .catch((err) => log.error({ err, documentId: doc.id }, "could not record a failed delete of a document copy"));
        log.warn({ err: e, documentId: doc.id }, "deleting a document copy failed; the purge job retries");
      }
    }
    await db.verificationRequest.updateMany({
      where: { id: { in: requestIds }, documentsPurgedAt: null, status: { in: ["APPROVED", "REJECTED", "WITHDRAWN"] }, ...NOT_DISPUTED, documents: { none: { deletedAt: null } } },
      data: { documentsPurgedAt: now },
    });
  } catch (e) {
    log.error({ err: e }, "deleting document copies failed; the purge job retries");
    result.failed++;
  }
  return result;
}
