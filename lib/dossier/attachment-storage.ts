/**
 * Where service entries' attachments live: the verification documents' storage (AES-256-GCM with
 * DOCUMENT_KEY, random names), in an area of its own: a folder under DOCUMENTS_DIR, or a prefix in
 * the S3 bucket. Its own because the verification purge deletes every file of its area that no
 * verification request refers to, and an attachment is kept for the car's life (decision 0030).
 */
import { configuredStorage, type DocumentStorage } from "../verification/storage";

export const ATTACHMENTS_FOLDER = "service-attachments";

const g = globalThis as unknown as { __attachmentStorage?: DocumentStorage };

export function getAttachmentStorage(): DocumentStorage {
  g.__attachmentStorage ??= configuredStorage(ATTACHMENTS_FOLDER);
  return g.__attachmentStorage;
}

/** For tests: use another storage (or, with undefined, the configured one again). */
export function setAttachmentStorage(storage: DocumentStorage | undefined): void {
  g.__attachmentStorage = storage;
}
