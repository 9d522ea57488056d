/**
 * An owner uploads one document for a request still to be submitted: the file is checked and
 * cleaned (inspect-document.ts), encrypted and stored under a random name, and the owner gets a
 * signed upload id to post with the request form.
 *
 * What an upload may cost is bounded before it is paid (docs/decisions/0020): the attempt counts
 * against the owner's hourly limit before anything else, refused files included; the owner may
 * have at most MAX_PENDING_UPLOADS uploads waiting for a request, each recorded as a
 * PendingUpload whose place is taken before the file is decoded (and given back if it is
 * refused); decoding itself runs a few at a time. Submitting a request deletes the records of
 * the uploads it attaches; the purge job deletes the others, with their files, once their upload
 * id has expired.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { hit } from "../server/rate-limit";
import { transaction } from "../server/transaction";
import { inspectDocument } from "./inspect-document";
import type { DocumentKindT, DocumentMimeT } from "./schemas";
import { getDocumentStorage, newStorageKey } from "./storage";
import { signUpload, UPLOAD_TTL_MS } from "./upload-token";

/** Upload attempts per owner per hour, refused ones included (a request needs three or four; retries included). */
export const UPLOAD_LIMIT = { max: 60, windowMs: 3600_000 };
/** Uploads an owner may have waiting for a request: five drivers' requests' worth, replacements included. */
export const MAX_PENDING_UPLOADS = 20;

export interface UploadedDocument {
  uploadId: string;
  kind: DocumentKindT;
  mimeType: DocumentMimeT;
  sizeBytes: number;
}

export async function uploadDocument(input: { actor: Actor; kind: DocumentKindT; bytes: Buffer; now?: Date }): Promise<UploadedDocument> {
  assertCan(input.actor, "garage:use");
  const userId = input.actor.userId;
  const now = input.now ?? new Date();
  // 1. Counted first: whatever happens next, this attempt is one of the hour's.
  if (!(await hit(db, `verification-upload:${userId}`, UPLOAD_LIMIT, now))) throw new AppError("RATE_LIMITED");

  // 2. A place among the owner's waiting uploads, taken under a per-owner lock so two uploads at
  //    once cannot both take the last one. The record names the file about to be written.
  const storageKey = newStorageKey();
  await transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pending-uploads:${userId}`}))`;
    const waiting = await tx.pendingUpload.count({ where: { userId, createdAt: { gt: new Date(now.getTime() - UPLOAD_TTL_MS) } } });
    if (waiting >= MAX_PENDING_UPLOADS) throw new AppError("CONFLICT", "uploads_waiting", { params: { max: MAX_PENDING_UPLOADS } });
    await tx.pendingUpload.create({ data: { userId, storageKey, kind: input.kind, createdAt: now } });
  });

  // 3. The costly part; a refused file gives its place back.
  try {
    const doc = await inspectDocument(input.bytes);
    await getDocumentStorage().put(storageKey, doc.data);
    const uploadId = signUpload({ storageKey, userId, kind: input.kind, mimeType: doc.mimeType, sizeBytes: doc.data.length, issuedAt: now.getTime() });
    return { uploadId, kind: input.kind, mimeType: doc.mimeType, sizeBytes: doc.data.length };
  } catch (e) {
    await db.pendingUpload.deleteMany({ where: { storageKey } });
    throw e;
  }
}
