/**
 * Where car photos live: the verification documents' storage layer (encrypted at rest, random
 * names), in a folder of their own under DOCUMENTS_DIR. The documents' purge lists only the
 * files at the top of DOCUMENTS_DIR, so it never takes a photo for an abandoned upload.
 * Tests swap the storage with setPhotoStorage().
 */
import path from "node:path";
import { env } from "../server/env";
import { parseDocumentKey } from "../verification/storage/crypto";
import { createLocalDiskStorage } from "../verification/storage/local-disk";
import type { DocumentStorage } from "../verification/storage";

export { newStorageKey } from "../verification/storage";

const g = globalThis as unknown as { __photoStorage?: DocumentStorage };

export function getPhotoStorage(): DocumentStorage {
  g.__photoStorage ??= createLocalDiskStorage({ dir: path.join(env.DOCUMENTS_DIR, "car-photos"), key: parseDocumentKey(env.DOCUMENT_KEY) });
  return g.__photoStorage;
}

/** For tests: use another storage (or, with undefined, the configured one again). */
export function setPhotoStorage(storage: DocumentStorage | undefined): void {
  g.__photoStorage = storage;
}
