/** Builders for the self-registration tests: sample documents, reviewers, submitted requests. */
import { readdirSync } from "node:fs";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/authz";
import { uploadDocument } from "@/lib/verification/upload-document";
import { submitVerificationRequest } from "@/lib/verification/submit-request";
import type { DocumentKindT } from "@/lib/verification/schemas";
import { actorFor, createMembership, createUser, makeVin, uid } from "./index";

/** A small JPEG carrying EXIF (device and GPS), as a phone would send it. */
export async function sampleJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#3060a0" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Phone 15 Secret" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1" } })
    .toBuffer();
}

export async function samplePng(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 40, channels: 4, background: "#20a050" } }).png().toBuffer();
}

export async function samplePdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([300, 200]).drawText(`Authorisation ${i + 1}`, { x: 20, y: 100, size: 14 });
  return Buffer.from(await doc.save());
}

/** A hand-made PDF whose page tree has /Count 0 and no kids. */
export function zeroPagePdf(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
  );
}

/** The stored files of this test file's document folder. */
export function filesOnDisk(): string[] {
  try {
    return readdirSync(process.env.DOCUMENTS_DIR!).sort();
  } catch {
    return [];
  }
}

export async function createDealer(locales: ("nl" | "en" | "fr")[] = ["nl", "en"]) {
  return db.organisation.create({ data: { name: `Dealer ${uid()}`, kind: "DEALER", country: "NL", locales } });
}

export async function dealerStaff(dealerId: string): Promise<Actor> {
  const u = await createUser();
  await createMembership(u.id, dealerId);
  return actorFor(u.id);
}

export async function supportUser(): Promise<Actor> {
  const u = await createUser({ platformRole: "SUPPORT" });
  return actorFor(u.id);
}

export async function ownerActor(locale: "nl" | "en" | "fr" = "nl"): Promise<Actor> {
  const u = await createUser();
  if (locale !== "nl") await db.user.update({ where: { id: u.id }, data: { locale } });
  return actorFor(u.id);
}

/** Uploads the documents a request needs and returns the form fields holding their ids. */
export async function uploadAll(actor: Actor, kinds: DocumentKindT[] = ["ID_FRONT", "ID_BACK", "REGISTRATION"]) {
  const jpeg = await sampleJpeg();
  const png = await samplePng();
  const pdf = await samplePdf();
  const files: Record<DocumentKindT, Buffer> = { ID_FRONT: jpeg, ID_BACK: png, REGISTRATION: pdf, AUTHORISATION: pdf };
  const fields: Partial<Record<`upload_${DocumentKindT}`, string>> = {};
  for (const kind of kinds) fields[`upload_${kind}`] = (await uploadDocument({ actor, kind, bytes: files[kind] })).uploadId;
  return fields;
}

/** A submitted request with its three (or, for a driver, four) documents. */
export async function submittedRequest(actor: Actor, opts: { vin?: string; relationship?: "OWNER" | "DRIVER"; dealerId?: string } = {}) {
  const relationship = opts.relationship ?? "OWNER";
  const fields = await uploadAll(actor, relationship === "DRIVER" ? ["ID_FRONT", "ID_BACK", "REGISTRATION", "AUTHORISATION"] : undefined);
  const vin = opts.vin ?? makeVin();
  const r = await submitVerificationRequest({ actor, vin, relationship, dealerId: opts.dealerId, ...fields });
  return { ...r, vin };
}

/** The facts a reviewer types to approve. */
export function facts(requestId: string, vin: string, over: Record<string, unknown> = {}) {
  return {
    requestId,
    idDocumentType: "DRIVING_LICENCE" as const,
    fullName: "Test User",
    dateOfBirth: new Date("1985-04-12T00:00:00Z"),
    placeOfBirth: "Utrecht",
    address: "Stationsplein 1, 3511 ED Utrecht",
    documentValidUntil: new Date(Date.UTC(new Date().getUTCFullYear() + 5, 0, 1)),
    vin,
    make: "Porsche",
    model: "Macan",
    modelYear: 2023,
    fuel: "ELECTRIC" as const,
    plate: undefined,
    plateCountry: "NL" as const,
    registeredOwnerName: "Test User",
    registeredOwnerAddress: "Stationsplein 1, 3511 ED Utrecht",
    confirmOwnershipChange: false,
    ...over,
  };
}

export async function storageKeysOf(requestId: string): Promise<string[]> {
  return (await db.verificationDocument.findMany({ where: { requestId }, select: { storageKey: true } })).map((d) => d.storageKey);
}
