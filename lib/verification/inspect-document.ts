/**
 * What an uploaded file really is, decided by its content (file-type), never by its name or the
 * browser's word: JPEG, PNG or PDF, 1 byte to 10 MB. Images are decoded and re-encoded (sharp,
 * `.rotate()` first so the photo stays upright) so no metadata survives — no EXIF location, no
 * device; PDFs must open (pdf-lib) and have at least one page, and are saved again without their
 * document information (author, creator, dates) and XMP metadata.
 */
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument, PDFName, PDFRef } from "pdf-lib";
import sharp from "sharp";
import { AppError, type ErrorKey } from "../server/errors";
import { MAX_DOCUMENT_BYTES, type DocumentMimeT } from "./schemas";

export interface InspectedDocument {
  mimeType: DocumentMimeT;
  /** What is stored: the re-encoded image, or the PDF saved again without its metadata. */
  data: Buffer;
  pages?: number;
}

const refuse = (key: ErrorKey) => new AppError("VALIDATION", key, { params: { max: MAX_DOCUMENT_BYTES / 1024 / 1024 } });

/** A decoded image over this many pixels is refused (a decompression bomb, not a photo). */
const MAX_PIXELS = 60_000_000;

export async function inspectDocument(bytes: Buffer): Promise<InspectedDocument> {
  if (bytes.length === 0) throw refuse("file_empty");
  if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse("file_too_large");
  const type = await fileTypeFromBuffer(bytes);
  if (!type) throw refuse("file_type");
  switch (type.mime) {
    case "image/jpeg":
    case "image/png":
      return { mimeType: type.mime, data: await reencode(bytes, type.mime) };
    case "application/pdf":
      return { mimeType: "application/pdf", ...(await cleanPdf(bytes)) };
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

async function cleanPdf(bytes: Buffer): Promise<{ data: Buffer; pages: number }> {
  let pdf: PDFDocument;
  try {
    // An encrypted (password-protected) PDF fails here: a reviewer could not open it either.
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    throw refuse("file_unreadable");
  }
  const pages = pdf.getPageCount();
  if (pages < 1) throw refuse("pdf_no_pages");
  let data: Buffer;
  try {
    // The document information dictionary and the catalog's XMP stream go, and so do their
    // objects: pdf-lib writes every object it holds, referenced or not.
    const info = pdf.context.trailerInfo.Info;
    pdf.context.trailerInfo.Info = undefined;
    if (info instanceof PDFRef) pdf.context.delete(info);
    const xmp = pdf.catalog.get(PDFName.of("Metadata"));
    pdf.catalog.delete(PDFName.of("Metadata"));
    if (xmp instanceof PDFRef) pdf.context.delete(xmp);
    data = Buffer.from(await pdf.save({ updateFieldAppearances: false }));
  } catch {
    throw refuse("file_unreadable");
  }
  if (data.length > MAX_DOCUMENT_BYTES) throw refuse("file_too_large");
  return { data, pages };
}
