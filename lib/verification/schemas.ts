import { z } from "zod";
import { VinSchema } from "../vehicles/vin";
import { VehicleFields } from "../linking/schemas";
import { REJECTION_REASONS } from "./limits";

export { DOCUMENT_KINDS, DOCUMENT_MIME_TYPES, MAX_DOCUMENT_BYTES, REJECTION_REASONS, type DocumentKindT, type DocumentMimeT } from "./limits";

/** Zod messages are message keys under `errors.fields` in the message files. */
export type RejectionReasonT = (typeof REJECTION_REASONS)[number] | "EXPIRED";

const Id = z.string().min(1).max(40);
const Text = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "too_long" });
const UploadId = z
  .string()
  .max(1000, { error: "document_invalid" })
  .optional()
  .transform((v) => v || undefined);
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);
const DateInput = z.iso.date({ error: "date_invalid" }).transform((s) => new Date(`${s}T00:00:00Z`));

export const SubmitRequestInput = z
  .object({
    vin: VinSchema,
    relationship: z.enum(["OWNER", "DRIVER"], { error: "required" }),
    dealerId: z
      .string()
      .max(40)
      .optional()
      .transform((v) => v || undefined),
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
    idDocumentType: z.enum(["DRIVING_LICENCE", "PASSPORT", "IDENTITY_CARD"], { error: "required" }),
    fullName: Text(150),
    dateOfBirth: DateInput,
    placeOfBirth: Text(100),
    address: Text(250),
    documentValidUntil: DateInput,
    ...VehicleFields,
    registeredOwnerName: Text(150),
    registeredOwnerAddress: Text(250),
    confirmOwnershipChange: checkbox,
  })
  .strict();
export type ApproveInputT = z.output<typeof ApproveInput>;

export const RejectInput = z
  .object({
    requestId: Id,
    reason: z.enum(REJECTION_REASONS, { error: "reason_required" }),
    note: z
      .string()
      .trim()
      .max(500, { error: "too_long" })
      .optional()
      .transform((v) => v || undefined),
  })
  .strict()
  .refine((v) => v.reason !== "OTHER" || !!v.note, { path: ["note"], error: "note_required" });
export type RejectInputT = z.output<typeof RejectInput>;
