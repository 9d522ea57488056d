/**
 * Self-registration, the owner's side: uploads are checked by content, cleaned and encrypted;
 * bad files and incomplete requests leave nothing behind; the request is routed by language.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { uploadDocument } from "@/lib/verification/upload-document";
import { submitVerificationRequest } from "@/lib/verification/submit-request";
import { getDocumentStorage } from "@/lib/verification/storage";
import { verifyUpload } from "@/lib/verification/upload-token";
import { makeVin } from "../factories";
import {
  createDealer,
  filesOnDisk,
  ownerActor,
  sampleJpeg,
  samplePdf,
  submittedRequest,
  uploadAll,
  zeroPagePdf,
} from "../factories/verification";
import { refusal } from "../factories/errors";

describe("uploading a document", () => {
  it("re-encodes a photo without its EXIF (device, location) and stores it encrypted under a random name", async () => {
    const owner = await ownerActor();
    const jpeg = await sampleJpeg();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const before = filesOnDisk();
    const up = await uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: jpeg });
    expect(up.mimeType).toBe("image/jpeg");
    const added = filesOnDisk().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[a-f0-9]{64}$/);

    const onDisk = readFileSync(path.join(process.env.DOCUMENTS_DIR!, added[0]!));
    expect(onDisk.subarray(0, 4).toString()).toBe("ADV1");
    expect(onDisk.includes(Buffer.from("PhoneMaker"))).toBe(false);
    expect(onDisk.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false); // no JPEG in the clear

    const stored = await getDocumentStorage().get(added[0]!);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("PhoneMaker"))).toBe(false);
    expect(verifyUpload(up.uploadId)?.storageKey).toBe(added[0]);
  });

  it("keeps a PDF without its document information and XMP metadata", async () => {
    const owner = await ownerActor();
    const { PDFDocument } = await import("pdf-lib");
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]).drawText("Registration", { x: 20, y: 100, size: 14 });
    doc.setAuthor("Jan Secret-Author");
    doc.setCreator("ScannerApp GPS 52.37N");
    doc.setTitle("Scan at home address");
    const xmp = doc.context.stream("<x:xmpmeta><dc:creator>Jan Secret-Author</dc:creator></x:xmpmeta>", { Type: "Metadata", Subtype: "XML" });
    doc.catalog.set(doc.context.obj("Metadata"), doc.context.register(xmp));
    const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
    expect(bytes.includes(Buffer.from("Jan Secret-Author"))).toBe(true);

    const before = filesOnDisk();
    const up = await uploadDocument({ actor: owner, kind: "REGISTRATION", bytes });
    expect(up.mimeType).toBe("application/pdf");
    const added = filesOnDisk().filter((f) => !before.includes(f));
    const stored = await getDocumentStorage().get(added[0]!);
    for (const secret of ["Jan Secret-Author", "ScannerApp", "Scan at home address", "xmpmeta"]) {
      expect(stored.includes(Buffer.from(secret))).toBe(false);
    }
    const reopened = await PDFDocument.load(stored);
    expect(reopened.getPageCount()).toBe(1);
    expect(reopened.getAuthor()).toBeUndefined();
  });

  it("accepts a one-page PDF", async () => {
    const owner = await ownerActor();
    const up = await uploadDocument({ actor: owner, kind: "REGISTRATION", bytes: await samplePdf() });
    expect(up.mimeType).toBe("application/pdf");
  });

  const bad: [string, () => Buffer | Promise<Buffer>, string][] = [
    ["a Windows executable renamed .jpg", () => Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048, 0x90)]), "file_type"],
    ["a Linux executable renamed .jpg", () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2048, 0)]), "file_type"],
    ["an empty file", () => Buffer.alloc(0), "file_empty"],
    ["an 11 MB file", () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11 * 1024 * 1024 - 4, 1)]), "file_too_large"],
    ["a PDF of 0 pages", () => zeroPagePdf(), "pdf_no_pages"],
    ["a damaged JPEG", () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(64, 7)]), "file_unreadable"],
  ];
  for (const [name, make, key] of bad) {
    it(`refuses ${name} with a clear message, storing nothing`, async () => {
      const owner = await ownerActor();
      const before = filesOnDisk();
      const e = await refusal(uploadDocument({ actor: owner, kind: "ID_FRONT", bytes: await make() }));
      expect(e.code).toBe("VALIDATION");
      expect(e.messageKey).toBe(key);
      expect(filesOnDisk()).toEqual(before);
      // Counted all the same (before the file was looked at), and its place among the waiting uploads given back.
      expect((await db.rateLimitBucket.findUnique({ where: { key: `verification-upload:${owner.userId}` } }))?.count).toBe(1);
      expect(await db.pendingUpload.count({ where: { userId: owner.userId } })).toBe(0);
      expect(await db.verificationRequest.count({ where: { requesterId: owner.userId } })).toBe(0);
    });
  }

  it("pdf-lib itself reads the hand-made PDF as having 0 pages", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const count = await PDFDocument.load(zeroPagePdf()).then(
      (d) => d.getPageCount(),
      () => 0,
    );
    expect(count).toBe(0);
  });
});

describe("submitting a request", () => {
  it("refuses a request with a missing document, storing nothing", async () => {
    const owner = await ownerActor();
    const before = filesOnDisk();
    const e = await refusal(submitVerificationRequest({ actor: owner, vin: makeVin(), relationship: "OWNER" }));
    expect(e.messageKey).toBe("documents_missing");
    expect(e.fieldErrors).toMatchObject({ upload_ID_FRONT: ["document_missing"], upload_ID_BACK: ["document_missing"], upload_REGISTRATION: ["document_missing"] });
    expect(filesOnDisk()).toEqual(before);
    expect(await db.verificationRequest.count({ where: { requesterId: owner.userId } })).toBe(0);
  });

  it("refuses a driver's request without the owner's authorisation; no request and no document row is written", async () => {
    const owner = await ownerActor();
    const fields = await uploadAll(owner);
    const staged = filesOnDisk();
    const e = await refusal(submitVerificationRequest({ actor: owner, vin: makeVin(), relationship: "DRIVER", ...fields }));
    expect(e.fieldErrors).toEqual({ upload_AUTHORISATION: ["document_missing"] });
    expect(await db.verificationRequest.count({ where: { requesterId: owner.userId } })).toBe(0);
    expect(await db.verificationDocument.count({ where: { request: { requesterId: owner.userId } } })).toBe(0);
    // Only the three uploads themselves are on disk, waiting to be attached (or purged after 25 h).
    expect(filesOnDisk()).toEqual(staged);
  });

  it("refuses another owner's upload id and an upload sent for another slot", async () => {
    const a = await ownerActor();
    const b = await ownerActor();
    const fieldsOfB = await uploadAll(b);
    const fieldsOfA = await uploadAll(a);
    const e = await refusal(
      submitVerificationRequest({ actor: a, vin: makeVin(), relationship: "OWNER", ...fieldsOfA, upload_ID_FRONT: fieldsOfB.upload_ID_FRONT, upload_ID_BACK: fieldsOfA.upload_REGISTRATION }),
    );
    expect(e.fieldErrors).toEqual({ upload_ID_FRONT: ["document_invalid"], upload_ID_BACK: ["document_invalid"] });
    expect(await db.verificationRequest.count({ where: { requesterId: a.userId } })).toBe(0);
  });

  it("sends a Dutch-speaking owner's request to central support; a dealer sent along decides nothing and is not kept", async () => {
    const owner = await ownerActor("nl");
    const dealer = await createDealer(["nl", "en"]);
    const r = await submittedRequest(owner, { dealerId: dealer.id });
    expect(r).toMatchObject({ route: "SUPPORT", dealerName: null });
    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId }, include: { documents: true } });
    expect(row).toMatchObject({ route: "SUPPORT", locale: "nl", status: "SUBMITTED", channel: "SELF_UPLOAD", requesterId: owner.userId, dealerId: null });
    expect(row.documents.map((d) => d.kind).sort()).toEqual(["ID_BACK", "ID_FRONT", "REGISTRATION"]);
    expect(filesOnDisk()).toEqual(expect.arrayContaining(row.documents.map((d) => d.storageKey)));
  });

  it("sends a French-speaking owner's request to the dealer they chose, which must work in French", async () => {
    const owner = await ownerActor("fr");
    const brussels = await createDealer(["fr", "nl", "en"]);
    const amsterdam = await createDealer(["nl", "en"]);
    const none = await refusal(submittedRequest(owner));
    expect(none.fieldErrors).toEqual({ dealerId: ["dealer_required"] });
    const wrong = await refusal(submittedRequest(owner, { dealerId: amsterdam.id }));
    expect(wrong.fieldErrors).toEqual({ dealerId: ["dealer_language"] });

    const r = await submittedRequest(owner, { dealerId: brussels.id });
    expect(r.route).toBe("DEALER");
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ route: "DEALER", dealerId: brussels.id, locale: "fr" });
  });

  it("keeps one open request per car and owner, and the same uploads cannot be sent twice", async () => {
    const owner = await ownerActor();
    const vin = makeVin();
    const fields = await uploadAll(owner);
    await submitVerificationRequest({ actor: owner, vin, relationship: "OWNER", ...fields });
    expect((await refusal(submittedRequest(owner, { vin }))).messageKey).toBe("request_open");
    expect((await refusal(submitVerificationRequest({ actor: owner, vin: makeVin(), relationship: "OWNER", ...fields }))).messageKey).toBe("document_reused");
  });
});

describe("the form's routing", () => {
  it("offers a French speaker only the dealers working in French, and a Dutch speaker (support reviews) no dealer to choose", async () => {
    const { requestRouting } = await import("@/lib/verification/queries");
    const brussels = await createDealer(["fr", "nl"]);
    const amsterdam = await createDealer(["nl", "en"]);
    const fr = await requestRouting(await ownerActor("fr"));
    expect(fr.route).toBe("DEALER");
    expect(fr.dealers.map((d) => d.id)).toContain(brussels.id);
    expect(fr.dealers.map((d) => d.id)).not.toContain(amsterdam.id);
    const nl = await requestRouting(await ownerActor("nl"));
    expect(nl.route).toBe("SUPPORT");
    expect(nl.dealers).toEqual([]);
  });
});
