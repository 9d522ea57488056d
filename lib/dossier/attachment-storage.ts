/**
 * Where service entries' attachments live: the verification documents' storage (AES-256-GCM with
 * DOCUMENT_KEY, random names, atomic writes), in a folder of its own under DOCUMENTS_DIR. Its own
 * folder because the verification purge deletes every file in its folder that no verification
 * request refers to, and an attachment is kept for the car's life (decision 0030).
 */
import path from "node:path";
import { env } from "../server/env";
import { parseDocumentKey } from "../verification/storage/crypto";
import { createLocalDiskStorage } from "../verification/storage/local-disk";
import type { DocumentStorage } from "../verification/storage";

export const ATTACHMENTS_FOLDER = "service-attachments";

const g = globalThis as unknown as { __attachmentStorage?: DocumentStorage };

export function getAttachmentStorage(): DocumentStorage {
  g.__attachmentStorage ??= createLocalDiskStorage({ dir: path.join(env.DOCUMENTS_DIR, ATTACHMENTS_FOLDER), key: parseDocumentKey(env.DOCUMENT_KEY) });
  return g.__attachmentStorage;
}

/** For tests: use another storage (or, with undefined, the configured one again). */
export function setAttachmentStorage(storage: DocumentStorage | undefined): void {
  g.__attachmentStorage = storage;
}
