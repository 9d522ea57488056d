/**
 * Constants shared by the upload form (browser) and the server. The only import is Prisma's
 * generated enums (plain objects, no client): safe in client code.
 */
import { DocumentKind } from "../../generated/prisma/enums";

export const DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DocumentKind);
export type DocumentKindT = DocumentKind;
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
