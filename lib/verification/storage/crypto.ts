/**
 * Encryption at rest of uploaded documents: AES-256-GCM (node:crypto), a random 96-bit IV per
 * file, the storage key as additional authenticated data (a file renamed or swapped with another
 * fails to open), and the 128-bit auth tag verified on every read. Pure: no I/O.
 *
 * Layout of a stored file: "ADV1" | IV (12 bytes) | tag (16 bytes) | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const MAGIC = Buffer.from("ADV1");
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = MAGIC.length + IV_BYTES + TAG_BYTES;

export class DocumentDecryptionError extends Error {
  constructor(message = "document cannot be decrypted (wrong key or tampered file)") {
    super(message);
    this.name = "DocumentDecryptionError";
  }
}

/** Decodes a DOCUMENT_KEY (base64) into its 32 bytes, or throws a message naming the variable. */
export function parseDocumentKey(base64: string | undefined): Buffer {
  if (!base64) throw new Error("DOCUMENT_KEY is not set: give it a random 32-byte key in base64 (e.g. `openssl rand -base64 32`)");
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("DOCUMENT_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)");
  return key;
}

export function encryptDocument(key: Buffer, storageKey: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(storageKey, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

export function decryptDocument(key: Buffer, storageKey: string, stored: Buffer): Buffer {
  if (stored.length < HEADER || !stored.subarray(0, MAGIC.length).equals(MAGIC)) throw new DocumentDecryptionError("not an encrypted document");
  const iv = stored.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = stored.subarray(MAGIC.length + IV_BYTES, HEADER);
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(storageKey, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(stored.subarray(HEADER)), decipher.final()]);
  } catch {
    throw new DocumentDecryptionError();
  }
}

/**
 * Decrypts with the current key, else with the keys it replaced (DOCUMENT_KEY_PREVIOUS): after a
 * rotation, documents stored before it stay readable until they are deleted.
 */
export function decryptWithAny(keys: Buffer[], storageKey: string, stored: Buffer): Buffer {
  let last: unknown;
  for (const key of keys) {
    try {
      return decryptDocument(key, storageKey, stored);
    } catch (e) {
      if (!(e instanceof DocumentDecryptionError)) throw e;
      last = e;
    }
  }
  throw last ?? new DocumentDecryptionError();
}
