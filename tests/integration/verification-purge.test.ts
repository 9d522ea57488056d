/**
 * The purge job: retries a delete that failed after a decision, closes and purges requests left
 * undecided for 30 days, and removes uploads never attached to a request.
 */
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { approveRequest } from "@/lib/verification/approve-request";
import { claimRequest } from "@/lib/verification/claim-request";
import { purgeDocuments } from "@/lib/verification/purge-documents";
import { getDocumentStorage, setDocumentStorage, type DocumentStorage } from "@/lib/verification/storage";
import { uploadDocument } from "@/lib/verification/upload-document";
import { withdrawRequest } from "@/lib/verification/withdraw-request";
import { outboxFor } from "../factories";
import { facts, filesOnDisk, ownerActor, samplePng, storageKeysOf, submittedRequest, supportUser } from "../factories/verification";

const DAY = 24 * 3600_000;

/** The real storage, whose delete fails the first `times` calls. */
function failingDeletes(times: number): DocumentStorage {
  const real = getDocumentStorage();
  let left = times;
  return {
    kind: "failing-test",
    put: (k, d) => real.put(k, d),
    get: (k) => real.get(k),
    list: () => real.list(),
    async delete(k) {
      if (left > 0) {
        left--;
        throw new Error("EIO: simulated disk failure");
      }
      return real.delete(k);
    },
  };
}

afterEach(() => setDocumentStorage(undefined));

describe("the purge job", () => {
  it("retries a delete that failed after the decision, recording the failure meanwhile", async () => {
    const support = await supportUser();
    const r = await submittedRequest(await ownerActor());
    const keys = await storageKeysOf(r.requestId);
    await claimRequest({ actor: support, requestId: r.requestId });

    setDocumentStorage(failingDeletes(1));
    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin) });
    expect(result.copiesDeleted).toBe(false);
    // The decision stands; one copy is still on disk, its failure recorded.
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ status: "APPROVED", documentsPurgedAt: null });
    const failed = await db.verificationDocument.findMany({ where: { requestId: r.requestId, deletedAt: null } });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ deleteAttempts: 1, lastDeleteError: "EIO: simulated disk failure" });
    expect(filesOnDisk()).toContain(failed[0]!.storageKey);

    setDocumentStorage(undefined);
    const report = await purgeDocuments({ requestIds: [r.requestId] });
    expect(report).toMatchObject({ deleted: 1, failed: 0 });
    for (const k of keys) expect(filesOnDisk()).not.toContain(k);
    expect(await db.verificationDocument.count({ where: { requestId: r.requestId, deletedAt: null } })).toBe(0);
    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } });
    expect(row.documentsPurgedAt).not.toBeNull();
  });

  it("keeps retrying while the delete keeps failing", async () => {
    const owner = await ownerActor();
    const r = await submittedRequest(owner);
    setDocumentStorage(failingDeletes(100));
    await withdrawRequest({ actor: owner, requestId: r.requestId });
    await purgeDocuments({ requestIds: [r.requestId] });
    await purgeDocuments({ requestIds: [r.requestId] });
    const docs = await db.verificationDocument.findMany({ where: { requestId: r.requestId } });
    expect(docs.every((d) => d.deletedAt === null && d.deleteAttempts === 3)).toBe(true);
    setDocumentStorage(undefined);
    await purgeDocuments({ requestIds: [r.requestId] });
    for (const d of docs) expect(filesOnDisk()).not.toContain(d.storageKey);
  });

  it("closes a request left undecided for 30 days, deletes its copies and tells the owner", async () => {
    const owner = await ownerActor();
    const r = await submittedRequest(owner);
    const keys = await storageKeysOf(r.requestId);

    expect(await purgeDocuments({ requestIds: [r.requestId], now: new Date(Date.now() + 29 * DAY) })).toMatchObject({ expired: 0, deleted: 0 });
    for (const k of keys) expect(filesOnDisk()).toContain(k);

    const report = await purgeDocuments({ requestIds: [r.requestId], now: new Date(Date.now() + 31 * DAY) });
    expect(report).toMatchObject({ expired: 1, deleted: 3 });
    for (const k of keys) expect(filesOnDisk()).not.toContain(k);
    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } });
    expect(row).toMatchObject({ status: "REJECTED", rejectionReason: "EXPIRED" });
    expect(row.documentsPurgedAt).not.toBeNull();
    expect((await outboxFor(owner.email)).map((m) => m.template)).toContain("verification-expired");
    expect(await db.auditLog.count({ where: { entityId: r.requestId, action: "verification.expired", actorRole: "system" } })).toBe(1);
  });

  it("deletes the copies of a request withdrawn while the delete failed", async () => {
    const owner = await ownerActor();
    const r = await submittedRequest(owner);
    const keys = await storageKeysOf(r.requestId);
    setDocumentStorage(failingDeletes(3));
    expect((await withdrawRequest({ actor: owner, requestId: r.requestId })).copiesDeleted).toBe(false);
    for (const k of keys) expect(filesOnDisk()).toContain(k);
    setDocumentStorage(undefined);
    await purgeDocuments({ requestIds: [r.requestId] });
    for (const k of keys) expect(filesOnDisk()).not.toContain(k);
  });

  it("removes an upload never attached to a request once its upload id has expired, and nothing attached", async () => {
    const owner = await ownerActor();
    const attached = await submittedRequest(owner);
    const before = filesOnDisk();
    await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: await samplePng() });
    const orphan = filesOnDisk().filter((f) => !before.includes(f));
    expect(orphan).toHaveLength(1);

    await purgeDocuments({ uploaderIds: [owner.userId], now: new Date(Date.now() + 2 * 3600_000) });
    expect(filesOnDisk()).toContain(orphan[0]);
    expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(1);

    const report = await purgeDocuments({ uploaderIds: [owner.userId], now: new Date(Date.now() + 26 * 3600_000) });
    expect(report.pendingUploadsCleared).toBe(1);
    expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(0);
    expect(filesOnDisk()).not.toContain(orphan[0]);
    for (const k of await storageKeysOf(attached.requestId)) expect(filesOnDisk()).toContain(k);
  });
});
