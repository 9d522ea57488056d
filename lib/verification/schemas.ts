import { z } from "zod";
import { VerificationRelationship } from "../../generated/prisma/enums";
import { Id, OptionalId, OptionalNotes, VehicleFields, Vin } from "../server/fields";
import { VerifiedFactsFields } from "../holdings/link-verified";
import { REJECTION_REASONS } from "./limits";

export { DOCUMENT_KINDS, DOCUMENT_MIME_TYPES, MAX_DOCUMENT_BYTES, REJECTION_REASONS, type DocumentKindT, type DocumentMimeT } from "./limits";

/** Zod messages are message keys under `errors.fields` in the message files. */
export type RejectionReasonT = (typeof REJECTION_REASONS)[number] | "EXPIRED";

const UploadId = z
  .string()
  .max(1000, { error: "document_invalid" })
  .optional()
  .transform((v) => v || undefined);

export const SubmitRequestInput = z
  .object({
    vin: Vin,
    relationship: z.enum(VerificationRelationship, { error: "required" }),
    dealerId: OptionalId,
    upload_ID_FRONT: UploadId,
    upload_ID_BACK: UploadId,
    upload_REGISTRATION: UploadId,
    upload_AUTHORISATION: UploadId,
  })
  .strict();
export type SubmitRequestInputT = z.output<typeof SubmitRequestInput>;

export const RequestIdInput = z.object({ requestId: Id }).strict();

export const ApproveInput = z
  .object({
    requestId: Id,
    ...VerifiedFactsFields,
    ...VehicleFields,
  })
  .strict();
export type ApproveInputT = z.output<typeof ApproveInput>;

export const RejectInput = z
  .object({
    requestId: Id,
    reason: z.enum(REJECTION_REASONS, { error: "reason_required" }),
    note: OptionalNotes(500),
  })
  .strict()
  .refine((v) => v.reason !== "OTHER" || !!v.note, { path: ["note"], error: "note_required" });
export type RejectInputT = z.output<typeof RejectInput>;
