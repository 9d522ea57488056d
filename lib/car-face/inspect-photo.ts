/**
 * What an uploaded car photo really is, decided by its content (file-type): JPEG, PNG, WebP, AVIF
 * or HEIC as far as sharp decodes it, 1 byte to 10 MB, at most 40 megapixels (checked from the
 * header before decoding). It is decoded and re-encoded as a JPEG of at most 1600 pixels a side,
 * upright (`.rotate()`), without any metadata: no EXIF location, no device. Decoding shares the
 * verification uploads' slots (lib/verification/inspect-document.ts, docs/decisions/0020).
 */
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../server/errors";
import { decoding, MAX_DECODES_WAITING, MAX_PIXELS } from "../verification/inspect-document";
import { MAX_DOCUMENT_BYTES } from "../verification/schemas";

export const MAX_PHOTO_BYTES = MAX_DOCUMENT_BYTES;
/** The longest side of a stored photo: sharp on a phone's screen, small on disk. */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/heic", "image/heif"] as const;

export interface InspectedPhoto {
  data: Buffer;
  mimeType: "image/jpeg";
  width: number;
  height: number;
}

const refuse = (key: "file_empty" | "file_too_large" | "photo_type" | "photo_unreadable") =>
  new AppError("VALIDATION", key, { params: { max: MAX_PHOTO_BYTES / 1024 / 1024 } });

export async function inspectPhoto(bytes: Buffer): Promise<InspectedPhoto> {
  if (bytes.length === 0) throw refuse("file_empty");
  if (bytes.length > MAX_PHOTO_BYTES) throw refuse("file_too_large");
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(PHOTO_MIME_TYPES as readonly string[]).includes(type.mime)) throw refuse("photo_type");
  if (decoding.waiting >= MAX_DECODES_WAITING) throw new AppError("RATE_LIMITED", "uploads_busy");
  return decoding.run(() => reencode(bytes));
}

async function reencode(bytes: Buffer): Promise<InspectedPhoto> {
  const header = await sharp(bytes).metadata().catch(() => null);
  if (!header?.width || !header.height) throw refuse("photo_unreadable");
  if (header.width * header.height > MAX_PIXELS) throw new AppError("VALIDATION", "image_too_large", { params: { megapixels: MAX_PIXELS / 1_000_000 } });
  try {
    // sharp writes no metadata unless asked to (withMetadata/keepExif): EXIF, XMP, IPTC, ICC names are dropped.
    const { data, info } = await sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS, animated: false })
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, mimeType: "image/jpeg", width: info.width, height: info.height };
  } catch {
    throw refuse("photo_unreadable");
  }
}
