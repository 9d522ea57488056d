/**
 * The upload id the browser gets back for each uploaded file and posts with the request form:
 * the storage key, the uploader, the document kind and type, signed with HMAC-SHA-256 (a key
 * derived from DOCUMENT_KEY). Each upload waiting for its request also has a PendingUpload record
 * (upload-document.ts); a file whose id is never attached to a submitted request is removed with
 * its record by the purge job once the id has expired.
 */
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "../server/env";
import { parseDocumentKey } from "./storage/crypto";
import { DOCUMENT_KINDS, DOCUMENT_MIME_TYPES, type DocumentKindT, type DocumentMimeT } from "./schemas";

/** How long an upload may wait for its request; the purge job waits one hour longer. */
export const UPLOAD_TTL_MS = 24 * 3600_000;

export interface UploadClaims {
  storageKey: string;
  userId: string;
  kind: DocumentKindT;
  mimeType: DocumentMimeT;
  sizeBytes: number;
  issuedAt: number;
}

let signingKey: Buffer | undefined;
function key(): Buffer {
  signingKey ??= Buffer.from(hkdfSync("sha256", parseDocumentKey(env.DOCUMENT_KEY), Buffer.alloc(0), "autodossier upload id", 32));
  return signingKey;
}

const mac = (body: string) => createHmac("sha256", key()).update(body).digest();

export function signUpload(c: UploadClaims): string {
  const body = Buffer.from(JSON.stringify([c.storageKey, c.userId, c.kind, c.mimeType, c.sizeBytes, c.issuedAt])).toString("base64url");
  return `${body}.${mac(body).toString("base64url")}`;
}

/** The claims of a genuine, unexpired upload id; null otherwise. */
export function verifyUpload(id: string, now = Date.now()): UploadClaims | null {
  const [body, sig, extra] = id.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const given = Buffer.from(sig, "base64url");
  const want = mac(body);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
  try {
    const [storageKey, userId, kind, mimeType, sizeBytes, issuedAt] = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown[];
    if (typeof storageKey !== "string" || typeof userId !== "string" || typeof sizeBytes !== "number" || typeof issuedAt !== "number") return null;
    if (!DOCUMENT_KINDS.includes(kind as DocumentKindT) || !DOCUMENT_MIME_TYPES.includes(mimeType as DocumentMimeT)) return null;
    if (issuedAt > now + 60_000 || now - issuedAt > UPLOAD_TTL_MS) return null;
    return { storageKey, userId, kind: kind as DocumentKindT, mimeType: mimeType as DocumentMimeT, sizeBytes, issuedAt };
  } catch {
    return null;
  }
}
