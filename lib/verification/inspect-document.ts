/**
 * What an uploaded file really is, decided by its content (file-type), never by its name or the
 * browser's word: JPEG, PNG or PDF, 1 byte to 10 MB. Images are decoded and re-encoded (sharp,
 * `.rotate()` first so the photo stays upright) so no metadata survives — no EXIF location, no
 * device; PDFs must open (pdf-lib) and have at least one page.
 */
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { AppError } from "../server/errors";
import { MAX_DOCUMENT_BYTES, type DocumentMimeT } from "./schemas";

export interface InspectedDocument {
  mimeType: DocumentMimeT;
  /** What is stored: the re-encoded image, or the PDF as uploaded. */
  data: Buffer;
  pages?: number;
}

const refuse = (key: string) => new AppError("VALIDATION", key, { params: { max: MAX_DOCUMENT_BYTES / 1024 / 1024 } });

/** A decoded image over this many pixels is refused (a decompression bomb, not a photo). */
const MAX_PIXELS = 60_000_000;

export async function inspectDocument(bytes: Buffer): Promise<InspectedDocument> {
  if (bytes.length === 0) throw refuse("file_empty");
  if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse("file_too_large");
  const type = await fileTypeFromBuffer(bytes);
  switch (type?.mime) {
    case "image/jpeg":
    case "image/png":
      return { mimeType: type.mime, data: await reencode(bytes, type.mime) };
    case "application/pdf":
      return { mimeType: "application/pdf", data: bytes, pages: await pageCount(bytes) };
    default:
      throw refuse("file_type");
  }
}

async function reencode(bytes: Buffer, mime: "image/jpeg" | "image/png"): Promise<Buffer> {
  try {
    // sharp writes no metadata unless asked to (withMetadata/keepExif): EXIF, XMP, IPTC are dropped.
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS, animated: false }).rotate();
    const out = mime === "image/jpeg" ? await image.jpeg({ quality: 90 }).toBuffer() : await image.png({ compressionLevel: 9 }).toBuffer();
    if (out.length > MAX_DOCUMENT_BYTES) throw refuse("file_too_large");
    return out;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse("file_unreadable");
  }
}

async function pageCount(bytes: Buffer): Promise<number> {
  let pages: number;
  try {
    // An encrypted (password-protected) PDF fails here: a reviewer could not open it either.
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    pages = pdf.getPageCount();
  } catch {
    throw refuse("file_unreadable");
  }
  if (pages < 1) throw refuse("pdf_no_pages");
  return pages;
}
