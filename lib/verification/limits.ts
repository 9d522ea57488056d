/** Constants shared by the upload form (browser) and the server. No imports: safe in client code. */
export const DOCUMENT_KINDS = ["ID_FRONT", "ID_BACK", "REGISTRATION", "AUTHORISATION"] as const;
export type DocumentKindT = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_MIME_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export type DocumentMimeT = (typeof DOCUMENT_MIME_TYPES)[number];
/** At most 10 MB per file. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const REJECTION_REASONS = [
  "ID_UNREADABLE",
  "ID_EXPIRED",
  "ID_NAME_MISMATCH",
  "REGISTRATION_UNREADABLE",
  "REGISTRATION_NOT_REQUESTER",
  "VIN_MISMATCH",
  "AUTHORISATION_MISSING",
  "OTHER",
] as const;
