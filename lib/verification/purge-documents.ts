/**
 * The purge job (run in the server process by purge-worker.ts, see docs/decisions/0007):
 * 1. closes requests left undecided for 30 days (status REJECTED, reason EXPIRED, the owner told
 *    by e-mail), so their copies go too;
 * 2. deletes every remaining copy of decided, withdrawn and expired requests — retrying deletes
 *    that failed after a decision;
 * 3. deletes the uploads never attached to a submitted request once their upload id has expired:
 *    each PendingUpload record and its file;
 * 4. deletes stored files no request refers to once their upload id has expired (left by a write
 *    that crashed, or by an account deleted with its records).
 */
import { db } from "../server/db";
import { appLink } from "../server/urls";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { DAY_MS, OPEN_STATUSES, UNDECIDED_DAYS } from "./common";
import { deleteCopies, NOT_DISPUTED } from "./delete-copies";
import { getDocumentStorage } from "./storage";
import { UPLOAD_TTL_MS } from "./upload-token";
import { transaction } from "../server/transaction";
import { log } from "../server/log";

/** Files younger than this are never treated as abandoned (an upload id lives UPLOAD_TTL_MS). */
export const ORPHAN_AGE_MS = UPLOAD_TTL_MS + 3600_000;

export interface PurgeReport {
  expired: number;
  deleted: number;
  failed: number;
  orphansDeleted: number;
  /** PendingUpload records removed with their files (step 3). */
  pendingUploadsCleared: number;
}

/**
 * One run of the job. `requestIds` and `uploaderIds` narrow it (tests sharing one database use
 * them): steps 1 and 2 to those requests, step 3 to those owners' uploads; given either, the other
 * defaults to none. The job itself always runs over everything.
 */
export async function purgeDocuments(opts: { now?: Date; requestIds?: string[]; uploaderIds?: string[] } = {}): Promise<PurgeReport> {
  const now = opts.now ?? new Date();
  const narrowed = opts.requestIds !== undefined || opts.uploaderIds !== undefined;
  const scope = narrowed ? { id: { in: opts.requestIds ?? [] } } : {};
  const uploaderScope = narrowed ? { userId: { in: opts.uploaderIds ?? [] } } : {};
  const report: PurgeReport = { expired: 0, deleted: 0, failed: 0, orphansDeleted: 0, pendingUploadsCleared: 0 };

  // 1. Requests left undecided for 30 days.
  const stale = await db.verificationRequest.findMany({
    where: { ...scope, status: { in: [...OPEN_STATUSES] }, submittedAt: { lt: new Date(now.getTime() - UNDECIDED_DAYS * DAY_MS) } },
    select: { id: true },
    take: 500,
  });
  for (const { id } of stale) {
    if (await expireRequest(id, now)) report.expired++;
  }

  // 2. Every copy that should be gone (new decisions, failed deletes, withdrawals, expiries).
  const pending = await db.verificationDocument.findMany({
    where: { deletedAt: null, request: { ...scope, status: { in: ["APPROVED", "REJECTED", "WITHDRAWN"] }, ...NOT_DISPUTED } },
    select: { requestId: true },
    distinct: ["requestId"],
    take: 1000,
  });
  const deleted = await deleteCopies(
    pending.map((p) => p.requestId),
    now,
  );
  report.deleted = deleted.deleted;
  report.failed = deleted.failed;

  // 3. Uploads never attached, once their upload id has expired: the file, then its record (a
  //    failed delete keeps the record, so the next run tries again).
  const storage = getDocumentStorage();
  const abandoned = await db.pendingUpload.findMany({
    where: { ...uploaderScope, createdAt: { lt: new Date(now.getTime() - ORPHAN_AGE_MS) } },
    select: { id: true, storageKey: true },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  // A file that is a request's document stays (it cannot be: submitting deletes the record).
  const abandonedKeys = abandoned.map((p) => p.storageKey);
  const attached = new Set(
    [
      ...(await db.verificationDocument.findMany({ where: { storageKey: { in: abandonedKeys } }, select: { storageKey: true } })),
      ...(await db.disputeDocument.findMany({ where: { storageKey: { in: abandonedKeys } }, select: { storageKey: true } })),
    ].map((d) => d.storageKey),
  );
  const cleared: string[] = [];
  for (const p of abandoned) {
    try {
      if (!attached.has(p.storageKey)) await storage.delete(p.storageKey);
      cleared.push(p.id);
    } catch (e) {
      report.failed++;
      log.warn({ err: e }, "could not delete an abandoned upload");
    }
  }
  report.pendingUploadsCleared = (await db.pendingUpload.deleteMany({ where: { id: { in: cleared } } })).count;

  // 4. Stored files no request refers to, once their upload id has expired.
  const old = (await storage.list()).filter((o) => now.getTime() - o.modifiedAt.getTime() > ORPHAN_AGE_MS);
  for (let i = 0; i < old.length; i += 500) {
    const batch = old.slice(i, i + 500);
    const keys = batch.map((o) => o.key);
    // A contested dispute's certificate (docs/decisions/0035) is a document too.
    const [requestDocs, disputeDocs] = await Promise.all([
      db.verificationDocument.findMany({ where: { storageKey: { in: keys }, deletedAt: null }, select: { storageKey: true } }),
      db.disputeDocument.findMany({ where: { storageKey: { in: keys }, deletedAt: null }, select: { storageKey: true } }),
    ]);
    const known = new Set([...requestDocs, ...disputeDocs].map((d) => d.storageKey));
    for (const o of batch) {
      if (known.has(o.key)) continue;
      try {
        await storage.delete(o.key);
        report.orphansDeleted++;
      } catch (e) {
        report.failed++;
        log.warn({ err: e }, "could not delete an abandoned upload");
      }
    }
  }
  return report;
}

/** Closes one request left undecided; false when it was decided or withdrawn meanwhile. */
async function expireRequest(id: string, now: Date): Promise<boolean> {
  return transaction(async (tx) => {
    const closed = await tx.verificationRequest.updateMany({
      where: { id, status: { in: [...OPEN_STATUSES] } },
      data: { status: "REJECTED", rejectionReason: "EXPIRED", decidedAt: now },
    });
    if (closed.count !== 1) return false;
    const request = await tx.verificationRequest.findUniqueOrThrow({
      where: { id },
      select: { vin: true, vehicleId: true, requester: { select: { id: true, email: true, locale: true, firstName: true } } },
    });
    await audit(tx, null, "verification.expired", {
      entityType: "VerificationRequest",
      entityId: id,
      vehicleId: request.vehicleId,
      subjectUserId: request.requester.id,
      data: { days: UNDECIDED_DAYS },
    });
    await enqueueEmail(tx, {
      to: request.requester.email,
      locale: request.requester.locale,
      template: "verification-expired",
      payload: { name: request.requester.firstName, vin: request.vin, url: appLink(request.requester.locale, `/garage/verifications/${id}`) },
    });
    await leaveMessage(tx, { userId: request.requester.id, vehicleId: request.vehicleId, kind: "verification_expired", data: { vin: request.vin }, link: `/garage/verifications/${id}` });
    return true;
  });
}
