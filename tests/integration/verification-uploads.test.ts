/**
 * The cost of an upload is bounded before it is paid: every attempt counts against the owner's
 * hourly limit before the file is decoded (refusals included), images over 40 megapixels are
 * refused from their header, decoding runs a few at a time, and an owner has at most
 * MAX_PENDING_UPLOADS uploads waiting for a request, each recorded (PendingUpload) until it is
 * attached or purged.
 */
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { DECODE_CONCURRENCY, decoding, inspectDocument, MAX_DECODES_WAITING } from "@/lib/verification/inspect-document";
import { purgeDocuments } from "@/lib/verification/purge-documents";
import { MAX_PENDING_UPLOADS, UPLOAD_LIMIT, uploadDocument } from "@/lib/verification/upload-document";
import { submitVerificationRequest } from "@/lib/verification/submit-request";
import { verifyUpload } from "@/lib/verification/upload-token";
import { makeVin } from "../factories";
import { filesOnDisk, ownerActor, samplePdf, samplePng } from "../factories/verification";
import { refusal } from "../factories/errors";

const bucket = (userId: string) => db.rateLimitBucket.findUnique({ where: { key: `verification-upload:${userId}` } });

/** A valid black-and-white PNG of the given size (1 bit a pixel: small on disk, large decoded). */
function bilevelPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Math.ceil(width / 8) + 1; // filter byte + pixels
  const raw = Buffer.alloc(row * height); // all black, filter 0
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

describe("the hourly upload limit", () => {
  it("counts a refused file too, before looking at it", async () => {
    const owner = await ownerActor();
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048, 0x90)]);
    expect((await refusal(uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: exe }))).messageKey).toBe("file_type");
    expect((await refusal(uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: Buffer.alloc(0) }))).messageKey).toBe("file_empty");
    expect((await bucket(owner.userId))?.count).toBe(2);
  });

  it("once reached, refuses before the file is decoded: a bad file reads as rate-limited, not as bad", async () => {
    const owner = await ownerActor();
    await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: await samplePng() });
    await db.rateLimitBucket.update({ where: { key: `verification-upload:${owner.userId}` }, data: { count: UPLOAD_LIMIT.max } });
    const before = filesOnDisk();
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048, 0x90)]);
    expect((await refusal(uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: exe }))).code).toBe("RATE_LIMITED");
    expect((await refusal(uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: await samplePng() }))).code).toBe("RATE_LIMITED");
    expect(filesOnDisk()).toEqual(before);
    expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(1);
  });
});

describe("the work one upload may cause", () => {
  it("refuses an image over 40 megapixels from its header, with a message saying so", async () => {
    const owner = await ownerActor();
    const png = bilevelPng(8000, 5100); // 40.8 megapixels
    expect(png.length).toBeLessThan(1024 * 1024);
    const e = await refusal(uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: png }));
    expect([e.code, e.messageKey, e.params]).toEqual(["VALIDATION", "image_too_large", { megapixels: 40 }]);
    expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it(`decodes at most ${DECODE_CONCURRENCY} files at once; the others wait their turn, and beyond ${MAX_DECODES_WAITING} waiting an upload is refused`, async () => {
    const png = await samplePng();
    let peak = 0;
    let queued = 0;
    let done = false;
    const watch = (async () => {
      while (!done) {
        peak = Math.max(peak, decoding.active);
        queued = Math.max(queued, decoding.waiting);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const results = await Promise.allSettled(Array.from({ length: DECODE_CONCURRENCY + MAX_DECODES_WAITING + 2 }, () => inspectDocument(png)));
    done = true;
    await watch;
    expect(peak).toBe(DECODE_CONCURRENCY);
    expect(queued).toBe(MAX_DECODES_WAITING);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(DECODE_CONCURRENCY + MAX_DECODES_WAITING);
    const busy = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => [(r.reason as AppError).code, (r.reason as AppError).messageKey]);
    expect(busy).toEqual([
      ["RATE_LIMITED", "uploads_busy"],
      ["RATE_LIMITED", "uploads_busy"],
    ]);
    expect([decoding.active, decoding.waiting]).toEqual([0, 0]);
  });
});

describe("uploads waiting for a request", () => {
  it(`are recorded, at most ${MAX_PENDING_UPLOADS} per owner; a submitted request's uploads no longer count`, async () => {
    const owner = await ownerActor();
    const png = await samplePng();
    const front = (await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: png })).uploadId;
    const back = (await uploadDocument({ actor: owner, kind: "ID_BACK", bytes: png })).uploadId;
    const certificate = (await uploadDocument({ actor: owner, kind: "REGISTRATION", bytes: await samplePdf() })).uploadId;
    const ids = [front, back, certificate];
    while (ids.length < MAX_PENDING_UPLOADS) ids.push((await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: png })).uploadId);
    const rows = await db.pendingUpload.findMany({ where: { userId: owner.userId } });
    expect(rows).toHaveLength(MAX_PENDING_UPLOADS);
    expect(new Set(rows.map((r) => r.storageKey))).toEqual(new Set(ids.map((id) => verifyUpload(id)!.storageKey)));

    const before = filesOnDisk();
    const e = await refusal(uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: png }));
    expect([e.code, e.messageKey, e.params]).toEqual(["CONFLICT", "uploads_waiting", { max: MAX_PENDING_UPLOADS }]);
    expect(filesOnDisk()).toEqual(before);
    // Another owner is not affected.
    await uploadDocument({ actor: await ownerActor(), kind: "ID_FRONT", bytes: png });

    // Submitting a request attaches three of them: their records go, and there is room again.
    await submitVerificationRequest({ actor: owner, vin: makeVin(), relationship: "OWNER", upload_ID_FRONT: front, upload_ID_BACK: back, upload_REGISTRATION: certificate });
    expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(MAX_PENDING_UPLOADS - 3);
    await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: png });
    expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(MAX_PENDING_UPLOADS - 2);
  });

  it("two uploads at once cannot both take the last place", async () => {
    const owner = await ownerActor();
    const png = await samplePng();
    for (let i = 0; i < MAX_PENDING_UPLOADS - 1; i++) await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: png });
    const results = await Promise.allSettled([uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: png }), uploadDocument({ actor: owner, kind: "ID_BACK", bytes: png })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((lost!.reason as AppError).messageKey).toBe("uploads_waiting");
    expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(MAX_PENDING_UPLOADS);
  });

  it("are removed by the purge job, record and file, once their upload id has expired", async () => {
    const owner = await ownerActor();
    const before = filesOnDisk();
    const { uploadId } = await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: await samplePng() });
    const key = verifyUpload(uploadId)!.storageKey;
    expect(filesOnDisk().filter((f) => !before.includes(f))).toEqual([key]);
    expect(await db.pendingUpload.count({ where: { storageKey: key } })).toBe(1);

    await purgeDocuments({ uploaderIds: [owner.userId], now: new Date(Date.now() + 2 * 3600_000) });
    expect(await db.pendingUpload.count({ where: { storageKey: key } })).toBe(1);
    expect(filesOnDisk()).toContain(key);

    const report = await purgeDocuments({ uploaderIds: [owner.userId], now: new Date(Date.now() + 26 * 3600_000) });
    expect(report.pendingUploadsCleared).toBe(1);
    expect(await db.pendingUpload.count({ where: { storageKey: key } })).toBe(0);
    expect(filesOnDisk()).not.toContain(key);
  });
});
