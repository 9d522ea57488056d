import { z } from "zod";
import { Id, OptionalCalendarDate, OptionalId, Text } from "../server/fields";
import { today } from "../server/dates";
import { MileageKm } from "../dossier/schemas";

/** Issue messages are message keys under errors.fields in the message files. */

const DueOn = OptionalCalendarDate.refine((d) => !d || d.getTime() >= today().getTime(), { error: "date_in_past" });
const DueKm = z
  .union([z.literal(""), MileageKm])
  .optional()
  .transform((v) => (typeof v === "number" ? v : undefined));

/** `task` (what is due) is named apart from the service entry's `description`: both forms share the console's car page. */
const DueFields = { vehicleId: Id, task: Text(200), dueOn: DueOn, dueKm: DueKm };
const needsDateOrKm = (v: { dueOn?: Date; dueKm?: number }) => !!v.dueOn || v.dueKm !== undefined;

/** The next service due, set by a workshop that services the car; `organisationId` picks which of theirs. */
export const SetWorkshopDueInput = z
  .object({ ...DueFields, organisationId: OptionalId })
  .strict()
  .refine(needsDateOrKm, { path: ["dueOn"], error: "due_needs_date_or_km" });
export type SetWorkshopDueInputT = z.output<typeof SetWorkshopDueInput>;

/** The next service due, set by the car's owner. */
export const SetOwnerDueInput = z
  .object(DueFields)
  .strict()
  .refine(needsDateOrKm, { path: ["dueOn"], error: "due_needs_date_or_km" });
export type SetOwnerDueInputT = z.output<typeof SetOwnerDueInput>;
