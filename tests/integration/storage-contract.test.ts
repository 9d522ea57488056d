/**
 * The document storage contract, run against both backends: the local disk (one node, the
 * default) and S3-compatible object storage (several nodes), the latter against a real S3 server
 * started on this machine (scripts/s3-server.mjs, the `s3rver` package). Put, get, delete, list,
 * a missing object, encryption before the bytes leave the app, and a delete that failed after a
 * decision retried by the purge: for S3 a real outage (the server stopped, then started again).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { approveRequest } from "@/lib/verification/approve-request";
import { claimRequest } from "@/lib/verification/claim-request";
import { purgeDocuments } from "@/lib/verification/purge-documents";
import { newStorageKey, setDocumentStorage, type DocumentStorage } from "@/lib/verification/storage";
import { parseDocumentKey } from "@/lib/verification/storage/crypto";
import { createLocalDiskStorage } from "@/lib/verification/storage/local-disk";
import { createS3Client, createS3Storage } from "@/lib/verification/storage/s3";
import { S3RVER_CREDENTIALS, startS3Server } from "../../scripts/s3-server.mjs";
import { facts, ownerActor, submittedRequest, supportUser } from "../factories/verification";

const KEY = parseDocumentKey(randomBytes(32).toString("base64"));
const PLAIN = Buffer.from("%PDF-1.4 Kentekenbewijs deel 1A — J. Jansen, Dorpsstraat 1");

type Backend = {
  name: string;
  storage: () => DocumentStorage;
  /** The bytes as the backend keeps them (to show they are not the plain document). */
  raw: (key: string) => Promise<Buffer>;
  /** Makes the next deletes fail for real where the backend allows it; undefined: it does not. */
  outage?: { begin: () => Promise<void>; end: () => Promise<void> };
};

let s3: Awaited<ReturnType<typeof startS3Server>>;
const diskDir = mkdtempSync(path.join(tmpdir(), "autodossier-storage-contract-"));

beforeAll(async () => {
  s3 = await startS3Server({ bucket: "contract" });
});
afterAll(async () => {
  await s3?.close().catch(() => {});
});
afterEach(() => setDocumentStorage(undefined));

const s3Options = () => ({
  bucket: s3.bucket,
  prefix: "documents/",
  endpoint: s3.endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  ...S3RVER_CREDENTIALS,
  key: KEY,
});

const backends: Backend[] = [
  {
    name: "local disk",
    storage: () => createLocalDiskStorage({ dir: diskDir, key: KEY }),
    raw: async (key) => readFileSync(path.join(diskDir, key)),
  },
  {
    name: "S3-compatible",
    storage: () => createS3Storage(s3Options()),
    raw: async (key) => {
      const out = await createS3Client(s3Options()).send(new GetObjectCommand({ Bucket: s3.bucket, Key: `documents/${key}` }));
      return Buffer.from(await out.Body!.transformToByteArray());
    },
    outage: { begin: () => s3.close(), end: () => s3.restart() },
  },
];

describe.each(backends)("document storage on $name", (backend) => {
  it("gives back what was put, encrypted where it is kept", async () => {
    const storage = backend.storage();
    const key = newStorageKey();
    await storage.put(key, PLAIN);
    expect(await storage.get(key)).toEqual(PLAIN);
    const raw = await backend.raw(key);
    expect(raw.equals(PLAIN)).toBe(false);
    expect(raw.includes(Buffer.from("Jansen"))).toBe(false);
  });

  it("lists what it keeps with the time of the last change", async () => {
    const storage = backend.storage();
    const key = newStorageKey();
    const before = Date.now() - 5_000;
    await storage.put(key, PLAIN);
    const found = (await storage.list()).find((o) => o.key === key);
    expect(found).toBeDefined();
    expect(found!.modifiedAt.getTime()).toBeGreaterThan(before);
  });

  it("refuses a missing object and deletes one, a missing one too", async () => {
    const storage = backend.storage();
    const key = newStorageKey();
    await expect(storage.get(key)).rejects.toThrow();
    await storage.put(key, PLAIN);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toThrow();
    await expect(storage.delete(key)).resolves.toBeUndefined();
    expect((await storage.list()).map((o) => o.key)).not.toContain(key);
  });

  it("refuses a key that is not one of its own names", async () => {
    const storage = backend.storage();
    await expect(storage.put("../etc/passwd", PLAIN)).rejects.toThrow(/invalid storage key/);
    await expect(storage.get("ABC")).rejects.toThrow(/invalid storage key/);
  });

  it("cannot be read with another document key", async () => {
    const storage = backend.storage();
    const key = newStorageKey();
    await storage.put(key, PLAIN);
    const otherKey = parseDocumentKey(randomBytes(32).toString("base64"));
    const other =
      backend.name === "local disk" ? createLocalDiskStorage({ dir: diskDir, key: otherKey }) : createS3Storage({ ...s3Options(), key: otherKey });
    await expect(other.get(key)).rejects.toThrow();
  });

  it("after a key rotation reads what the previous key stored, and stores with the new one", async () => {
    const before = backend.storage();
    const oldDoc = newStorageKey();
    await before.put(oldDoc, PLAIN);
    const newKey = parseDocumentKey(randomBytes(32).toString("base64"));
    const rotated =
      backend.name === "local disk"
        ? createLocalDiskStorage({ dir: diskDir, key: newKey, previousKeys: [KEY] })
        : createS3Storage({ ...s3Options(), key: newKey, previousKeys: [KEY] });
    expect(await rotated.get(oldDoc)).toEqual(PLAIN);
    const newDoc = newStorageKey();
    await rotated.put(newDoc, PLAIN);
    // Written with the new key: the old key alone cannot read it.
    await expect(before.get(newDoc)).rejects.toThrow(/cannot be decrypted/);
    expect(await rotated.get(newDoc)).toEqual(PLAIN);
  });

  it("keeps another area's files (car photos, attachments) out of the documents' list, and the reverse", async () => {
    const documents = backend.storage();
    const photos =
      backend.name === "local disk"
        ? createLocalDiskStorage({ dir: path.join(diskDir, "car-photos"), key: KEY })
        : createS3Storage({ ...s3Options(), prefix: "documents/car-photos/" });
    const doc = newStorageKey();
    const photo = newStorageKey();
    await documents.put(doc, PLAIN);
    await photos.put(photo, PLAIN);
    const docKeys = (await documents.list()).map((o) => o.key);
    const photoKeys = (await photos.list()).map((o) => o.key);
    expect(docKeys).toContain(doc);
    expect(docKeys).not.toContain(photo);
    expect(photoKeys).toEqual([photo]);
    expect(await photos.get(photo)).toEqual(PLAIN);
  });

  it("a delete that failed after the decision is retried by the purge", async () => {
    const storage = backend.storage();
    setDocumentStorage(storage);
    const support = await supportUser();
    const r = await submittedRequest(await ownerActor());
    const keys = (await db.verificationDocument.findMany({ where: { requestId: r.requestId }, select: { storageKey: true } })).map((d) => d.storageKey);
    for (const k of keys) expect(await storage.get(k)).toBeInstanceOf(Buffer);
    await claimRequest({ actor: support, requestId: r.requestId });

    // The store fails while the decision is taken: for real (S3 stopped), or on the disk with a
    // storage whose delete throws (root ignores file permissions, so no real disk fault is at hand).
    let failing = 0;
    if (backend.outage) await backend.outage.begin();
    else
      setDocumentStorage({
        ...storage,
        delete: async () => {
          failing++;
          throw new Error("EIO: simulated disk failure");
        },
      });
    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin) });
    expect(result.copiesDeleted).toBe(false);
    if (!backend.outage) expect(failing).toBeGreaterThan(0);
    const left = await db.verificationDocument.findMany({ where: { requestId: r.requestId, deletedAt: null } });
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((d) => d.deleteAttempts === 1 && !!d.lastDeleteError)).toBe(true);

    if (backend.outage) await backend.outage.end();
    setDocumentStorage(storage);
    expect(await purgeDocuments({ requestIds: [r.requestId] })).toMatchObject({ failed: 0 });
    expect(await db.verificationDocument.count({ where: { requestId: r.requestId, deletedAt: null } })).toBe(0);
    const listed = (await storage.list()).map((o) => o.key);
    for (const k of keys) expect(listed).not.toContain(k);
  });
});

it("the local-disk backend keeps one file per object, and other areas in their own folders", () => {
  expect(readdirSync(diskDir).every((n) => /^[a-f0-9]{64}$/.test(n) || n === "car-photos")).toBe(true);
});
