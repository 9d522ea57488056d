/**
 * Documents in S3-compatible object storage (AWS S3, MinIO, Ceph, Scaleway, ...): chosen by
 * configuration (DOCUMENTS_S3_BUCKET and friends, lib/server/env-schema.ts), so several app nodes
 * share one store. The bytes are encrypted here with AES-256-GCM before they leave the app, the
 * same as on the local disk (./crypto.ts): the object store never sees a document in the clear,
 * and a copy of the bucket without DOCUMENT_KEY reads as noise.
 *
 * Objects are named `<prefix><key>` with the same random 64-hex keys as on disk. A put never
 * overwrites in practice (256 random bits); delete of a missing object succeeds, as S3 itself
 * answers; list pages through the bucket (under the prefix) for the purge of abandoned uploads.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandOutput,
} from "@aws-sdk/client-s3";
import { decryptWithAny, encryptDocument } from "./crypto";
import type { DocumentStorage, StoredObject } from "./index";

export type S3StorageOptions = {
  bucket: string;
  /** Object-name prefix inside the bucket, e.g. `documents/`; may be empty. */
  prefix?: string;
  /** e.g. https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9000; unset: AWS for the region. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (MinIO, most self-hosted stores). */
  forcePathStyle?: boolean;
  /** AES-256 key (DOCUMENT_KEY). */
  key: Buffer;
  /** Keys DOCUMENT_KEY replaced, still used for reading (rotation). */
  previousKeys?: Buffer[];
};

const isStorageKey = (key: string) => /^[a-f0-9]{64}$/.test(key);

export function createS3Client(opts: Omit<S3StorageOptions, "bucket" | "prefix" | "key">): S3Client {
  return new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle ?? false,
    credentials: opts.accessKeyId && opts.secretAccessKey ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } : undefined,
    // A transient failure (a 503, a reset connection) is retried by the SDK before it reaches us.
    maxAttempts: 3,
  });
}

export function createS3Storage(opts: S3StorageOptions, client: S3Client = createS3Client(opts)): DocumentStorage {
  const prefix = opts.prefix ?? "";
  const nameOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error("invalid storage key");
    return `${prefix}${key}`;
  };

  return {
    kind: "s3",
    async put(key, data) {
      await client.send(
        new PutObjectCommand({
          Bucket: opts.bucket,
          Key: nameOf(key),
          Body: encryptDocument(opts.key, key, data),
          ContentType: "application/octet-stream",
        }),
      );
    },
    async get(key) {
      const out = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: nameOf(key) }));
      if (!out.Body) throw new Error("empty object");
      return decryptWithAny([opts.key, ...(opts.previousKeys ?? [])], key, Buffer.from(await out.Body.transformToByteArray()));
    },
    async delete(key) {
      // S3 answers 204 for a missing object too: already gone is what we wanted.
      await client.send(new DeleteObjectCommand({ Bucket: opts.bucket, Key: nameOf(key) }));
    },
    async ready() {
      await client.send(new HeadBucketCommand({ Bucket: opts.bucket }));
    },
    async list() {
      const out: StoredObject[] = [];
      let token: string | undefined;
      do {
        const page: ListObjectsV2CommandOutput = await client.send(
          new ListObjectsV2Command({ Bucket: opts.bucket, Prefix: prefix || undefined, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          const key = o.Key?.slice(prefix.length);
          if (key && isStorageKey(key)) out.push({ key, modifiedAt: o.LastModified ?? new Date(0) });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out;
    },
  };
}

/** A missing object, as the SDK reports it (for callers that tell "gone" from "failed"). */
export function isMissingObject(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === "NoSuchKey" || name === "NotFound";
}
