import { z } from "zod";
import { ServiceKind } from "../../generated/prisma/enums";
import { CalendarDate, Id, isSingleLine, OptionalId, OptionalText, Text } from "../server/fields";
import { today } from "../server/dates";

/** Issue messages are message keys under errors.fields in the message files; shared fields: lib/server/fields.ts. */

export { SERVICE_KINDS } from "./options";
export const MAX_LINES = 30;
export const MAX_LINE_LENGTH = 200;
/** The highest odometer reading accepted: no car reaches it, a typo with an extra digit does. */
export const MAX_MILEAGE_KM = 2_000_000;

/** A day the work was done: a calendar date, not after today (Amsterdam), not before 1950. */
export const PerformedOn = CalendarDate.refine((d) => d.getTime() <= today().getTime(), { error: "date_in_future" }).refine((d) => d.getUTCFullYear() >= 1950, {
  error: "date_invalid",
});

/** The odometer reading in whole kilometres; dots, spaces and commas as thousands separators are allowed. */
export const MileageKm = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .transform((s) => s.replace(/[\s.,]/g, ""))
  .pipe(z.string().regex(/^\d{1,7}$/, { error: "mileage_invalid" }))
  .transform(Number)
  .refine((n) => n <= MAX_MILEAGE_KM, { error: "mileage_invalid" });

/** The work done, one line each (a textarea): empty lines dropped, each line single-line text. */
export const WorkLines = z
  .string()
  .max(MAX_LINES * (MAX_LINE_LENGTH + 2), { error: "too_long" })
  .default("")
  .transform((s) =>
    s
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .refine((ls) => ls.every(isSingleLine), { error: "text_control_chars" })
  .refine((ls) => ls.length <= MAX_LINES, { error: "too_many_lines" })
  .refine((ls) => ls.every((l) => l.length <= MAX_LINE_LENGTH), { error: "too_long" });

const EntryFields = {
  vehicleId: Id,
  kind: z.enum(ServiceKind, { error: "required" }).refine((k) => k !== "HANDOVER", { error: "required" }),
  performedOn: PerformedOn,
  mileageKm: MileageKm,
  description: Text(200),
  lines: WorkLines,
  /** The entry this one corrects; then a reason is required. */
  correctsId: OptionalId,
  correctionReason: OptionalText(300),
};

/**
 * The entry's invoice or inspection report: a file from the form (an empty file input is none).
 * What it really is and its size are checked on the server (lib/verification/inspect-document.ts).
 */
export const AttachmentField = z
  .union([z.instanceof(File), z.literal("")], { error: "attachment_invalid" })
  .optional()
  .transform((f) => (f instanceof File && f.size > 0 ? f : undefined));

const needsReason = (v: { correctsId?: string; correctionReason?: string }) => !v.correctsId || !!v.correctionReason;

/** The open recalls a workshop's entry resolved: ticked checkboxes (none, one id, or several). */
export const RecallIds = z
  .union([Id, z.array(Id).max(50)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]));

/** A workshop's entry; `organisationId` picks one of the actor's organisations that service the car. */
export const WorkshopEntryInput = z
  .object({ ...EntryFields, organisationId: OptionalId, recallIds: RecallIds, attachment: AttachmentField })
  .strict()
  .refine(needsReason, { path: ["correctionReason"], error: "required" });
export type WorkshopEntryInputT = z.output<typeof WorkshopEntryInput>;

/** The owner's own entry: the workshop as they name it (optional). */
export const OwnerEntryInput = z
  .object({ ...EntryFields, workshopName: OptionalText(120), attachment: AttachmentField })
  .strict()
  .refine(needsReason, { path: ["correctionReason"], error: "required" });
export type OwnerEntryInputT = z.output<typeof OwnerEntryInput>;
