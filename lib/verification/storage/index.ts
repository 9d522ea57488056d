/**
 * Where uploaded verification documents live: an interface with put/get/delete (and list, for
 * the purge of abandoned uploads), on the local disk (the default, one node) or in S3-compatible
 * object storage (DOCUMENTS_S3_BUCKET; several nodes), with the same keys and the same encryption
 * before upload. Documents are encrypted at rest
 * (./crypto.ts) and stored under random names; nothing here is ever served publicly.
 *
 * Use cases get the storage through getDocumentStorage(); tests swap it with setDocumentStorage()
 * (e.g. a storage whose delete fails once) without touching the database layer.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { env } from "../../server/env";
import { parseDocumentKey } from "./crypto";
import { createLocalDiskStorage } from "./local-disk";
import { createS3Storage } from "./s3";

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

export interface DocumentStorage {
  readonly kind: string;
  /** Stores (encrypted) the plain bytes under the key; the key must be new. */
  put(key: string, data: Buffer): Promise<void>;
  /** The plain bytes; throws when missing, or when the auth tag does not verify. */
  get(key: string): Promise<Buffer>;
  /** Deletes the object; deleting a missing object succeeds. */
  delete(key: string): Promise<void>;
  /** Every stored object with its last change (for the purge of uploads never attached). */
  list(): Promise<StoredObject[]>;
  /** Throws when the store cannot be reached or written (the readiness check); optional for test doubles. */
  ready?(): Promise<void>;
}

/** 256 random bits, hex: a name that tells nothing about its owner or content. */
export function newStorageKey(): string {
  return randomBytes(32).toString("hex");
}

export function isStorageKey(key: string): boolean {
  return /^[a-f0-9]{64}$/.test(key);
}

const g = globalThis as unknown as { __documentStorage?: DocumentStorage };

export function getDocumentStorage(): DocumentStorage {
  g.__documentStorage ??= configuredStorage();
  return g.__documentStorage;
}

/**
 * The configured backend for one area of stored files: verification documents (no area: the top of
 * DOCUMENTS_DIR, or the bucket's prefix) or another feature's files (`area`: a folder under
 * DOCUMENTS_DIR, or `<prefix><area>/` in the bucket), so each area's purge lists only its own
 * files, and every area follows the nodes to S3 when a bucket is configured.
 */
export function configuredStorage(area?: string): DocumentStorage {
  if (area !== undefined && !/^[a-z][a-z-]*$/.test(area)) throw new Error("invalid storage area");
  const key = parseDocumentKey(env.DOCUMENT_KEY);
  const previousKeys = env.DOCUMENT_KEY_PREVIOUS.map((k) => parseDocumentKey(k));
  if (!env.DOCUMENTS_S3_BUCKET) return createLocalDiskStorage({ dir: area ? path.join(env.DOCUMENTS_DIR, area) : env.DOCUMENTS_DIR, key, previousKeys });
  return createS3Storage({
    bucket: env.DOCUMENTS_S3_BUCKET,
    prefix: `${env.DOCUMENTS_S3_PREFIX ?? ""}${area ? `${area}/` : ""}`,
    endpoint: env.DOCUMENTS_S3_ENDPOINT,
    region: env.DOCUMENTS_S3_REGION,
    accessKeyId: env.DOCUMENTS_S3_ACCESS_KEY_ID,
    secretAccessKey: env.DOCUMENTS_S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.DOCUMENTS_S3_FORCE_PATH_STYLE,
    key,
    previousKeys,
  });
}

/** For tests: use another storage (or, with undefined, the configured one again). */
export function setDocumentStorage(storage: DocumentStorage | undefined): void {
  g.__documentStorage = storage;
}
