/**
 * Where car photos live: the verification documents' storage layer (encrypted at rest, random
 * names), in an area of their own: a folder under DOCUMENTS_DIR, or a prefix in the S3 bucket.
 * The documents' purge lists only its own area, so it never takes a photo for an abandoned upload.
 * Tests swap the storage with setPhotoStorage().
 */
import { configuredStorage, type DocumentStorage } from "../verification/storage";

export { newStorageKey } from "../verification/storage";

const g = globalThis as unknown as { __photoStorage?: DocumentStorage };

export function getPhotoStorage(): DocumentStorage {
  g.__photoStorage ??= configuredStorage("car-photos");
  return g.__photoStorage;
}

/** For tests: use another storage (or, with undefined, the configured one again). */
export function setPhotoStorage(storage: DocumentStorage | undefined): void {
  g.__photoStorage = storage;
}
