/**
 * What an uploaded file really is, decided by its content (file-type), never by its name or the
 * browser's word: JPEG, PNG or PDF, 1 byte to 10 MB. Images are decoded and re-encoded (sharp,
 * `.rotate()` first so the photo stays upright) so no metadata survives — no EXIF location, no
 * device; PDFs must open (pdf-lib) and have at least one page, and are saved again without their
 * document information (author, creator, dates) and XMP metadata.
 *
 * The decoding is the costly part, so it is bounded (docs/decisions/0020): an image over
 * MAX_PIXELS is refused from its header, before any pixel is decoded (and sharp's own
 * `limitInputPixels` refuses it again should the header lie); at most DECODE_CONCURRENCY files are
 * inspected at once, and with MAX_DECODES_WAITING more already waiting the upload is refused.
 */
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument, PDFName, PDFRef } from "pdf-lib";
import sharp from "sharp";
import { AppError, type ErrorKey } from "../server/errors";
import { Semaphore } from "../server/semaphore";
import { MAX_DOCUMENT_BYTES, type DocumentMimeT } from "./schemas";

export interface InspectedDocument {
  mimeType: DocumentMimeT;
  /** What is stored: the re-encoded image, or the PDF saved again without its metadata. */
  data: Buffer;
  pages?: number;
}

const refuse = (key: ErrorKey) => new AppError("VALIDATION", key, { params: { max: MAX_DOCUMENT_BYTES / 1024 / 1024 } });

/**
 * An image over this many pixels is refused (a decompression bomb, not a photo of a document):
 * 40 megapixels, above the 12 to 24 of a phone's ordinary photo and the 35 of an A4 page scanned
 * at 600 dpi. Decoded, it takes up to 160 MB.
 */
export const MAX_PIXELS = 40_000_000;
/** Files inspected at once (sharp's decoding runs on Node's thread pool, which scrypt shares). */
export const DECODE_CONCURRENCY = 2;
/** Uploads that may wait for a decoding slot (each holds its file, up to 10 MB, meanwhile). */
export const MAX_DECODES_WAITING = 16;

/** The decoding slots; exported for tests that watch them. */
export const decoding = new Semaphore(DECODE_CONCURRENCY);

export async function inspectDocument(bytes: Buffer): Promise<InspectedDocument> {
  // The cheap checks first, outside the slots.
  if (bytes.length === 0) throw refuse("file_empty");
  if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse("file_too_large");
  const type = await fileTypeFromBuffer(bytes);
  if (!type) throw refuse("file_type");
  const mime = type.mime;
  if (mime !== "image/jpeg" && mime !== "image/png" && mime !== "application/pdf") throw refuse("file_type");
  if (decoding.waiting >= MAX_DECODES_WAITING) throw new AppError("RATE_LIMITED", "uploads_busy");
  return decoding.run(async () => (mime === "application/pdf" ? { mimeType: mime, ...(await cleanPdf(bytes)) } : { mimeType: mime, data: await reencode(bytes, mime) }));
}

async function reencode(bytes: Buffer, mime: "image/jpeg" | "image/png"): Promise<Buffer> {
  // The header alone gives the size; nothing is decoded yet.
  const header = await sharp(bytes).metadata().catch(() => null);
  if (!header?.width || !header.height) throw refuse("file_unreadable");
  if (header.width * header.height > MAX_PIXELS) throw new AppError("VALIDATION", "image_too_large", { params: { megapixels: MAX_PIXELS / 1_000_000 } });
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
