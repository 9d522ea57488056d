/**
 * An owner uploads one document for a request still to be submitted: the file is checked and
 * cleaned (inspect-document.ts), encrypted and stored under a random name, and the owner gets a
 * signed upload id to post with the request form. Nothing is written to the database: a bad file
 * leaves no trace, and an upload never attached to a request is purged after UPLOAD_TTL_MS.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { hit } from "../server/rate-limit";
import { inspectDocument } from "./inspect-document";
import type { DocumentKindT, DocumentMimeT } from "./schemas";
import { getDocumentStorage, newStorageKey } from "./storage";
import { signUpload } from "./upload-token";

/** Uploads per owner per hour (a request needs three or four; retries included). */
export const UPLOAD_LIMIT = { max: 60, windowMs: 3600_000 };

export interface UploadedDocument {
  uploadId: string;
  kind: DocumentKindT;
  mimeType: DocumentMimeT;
  sizeBytes: number;
}

export async function uploadDocument(input: { actor: Actor; kind: DocumentKindT; bytes: Buffer; now?: Date }): Promise<UploadedDocument> {
  assertCan(input.actor, "garage:use");
  const doc = await inspectDocument(input.bytes);
  if (!(await hit(db, `verification-upload:${input.actor.userId}`, UPLOAD_LIMIT, input.now))) throw new AppError("RATE_LIMITED");
  const storageKey = newStorageKey();
  await getDocumentStorage().put(storageKey, doc.data);
  const uploadId = signUpload({
    storageKey,
    userId: input.actor.userId,
    kind: input.kind,
    mimeType: doc.mimeType,
    sizeBytes: doc.data.length,
    issuedAt: (input.now ?? new Date()).getTime(),
  });
  return { uploadId, kind: input.kind, mimeType: doc.mimeType, sizeBytes: doc.data.length };
}
