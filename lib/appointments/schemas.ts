import { z } from "zod";
import { AppointmentReason } from "../../generated/prisma/enums";
import { Id, OptionalNotes, Text } from "../server/fields";
import { amsterdamInstant } from "./times";
import { MAX_TIMES, MIN_TIMES } from "./options";

/** Issue messages are message keys under errors.fields in the message files. */

export { APPOINTMENT_REASONS, MIN_TIMES, MAX_TIMES } from "./options";
/** How far ahead a time may be: a typo in the year is refused rather than booked. */
const MAX_AHEAD_MS = 366 * 24 * 3600_000;

/** A `datetime-local` value (Amsterdam); empty is "none". */
const LocalTime = z
  .string()
  .trim()
  .max(40, { error: "time_invalid" })
  .optional()
  .transform((v) => v || undefined);

/** A required time in the future (within a year). */
export const FutureTime = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(40, { error: "time_invalid" })
  .transform((v, ctx) => {
    const at = amsterdamInstant(v);
    if (!at) {
      ctx.addIssue({ code: "custom", message: "time_invalid" });
      return z.NEVER;
    }
    return at;
  })
  .refine((d) => d.getTime() > Date.now(), { error: "time_in_past" })
  .refine((d) => d.getTime() < Date.now() + MAX_AHEAD_MS, { error: "time_invalid" });

const TIME_FIELDS = ["time1", "time2", "time3"] as const;

/**
 * The owner's request: a dealer or garage, what for, and two or three distinct future times
 * (fields time1..time3). Errors stand at the field they concern.
 */
export const RequestAppointmentInput = z
  .object({
    vehicleId: Id,
    organisationId: z.string({ error: "required" }).min(1, { error: "required" }).max(40),
    reason: z.enum(AppointmentReason, { error: "required" }),
    note: OptionalNotes(500),
    time1: LocalTime,
    time2: LocalTime,
    time3: LocalTime,
  })
  .strict()
  .transform((v, ctx) => {
    const times: Date[] = [];
    for (const field of TIME_FIELDS) {
      const raw = v[field];
      if (!raw) continue;
      const r = FutureTime.safeParse(raw);
      if (!r.success) {
        for (const issue of r.error.issues) ctx.addIssue({ code: "custom", path: [field], message: issue.message });
        continue;
      }
      if (times.some((t) => t.getTime() === r.data.getTime())) ctx.addIssue({ code: "custom", path: [field], message: "times_distinct" });
      times.push(r.data);
    }
    const given = TIME_FIELDS.filter((f) => v[f]).length;
    if (given < MIN_TIMES) ctx.addIssue({ code: "custom", path: [given === 0 ? "time1" : "time2"], message: given === 0 ? "required" : "times_count" });
    if (ctx.issues.length) return z.NEVER;
    return { vehicleId: v.vehicleId, organisationId: v.organisationId, reason: v.reason, note: v.note, times };
  });
export type RequestAppointmentInputT = z.output<typeof RequestAppointmentInput>;

const AppointmentRef = { appointmentId: Id };

/** Staff confirm one of the owner's preferred times, by its position (0, 1, 2). */
export const ConfirmAppointmentInput = z
  .object({ ...AppointmentRef, choice: z.coerce.number({ error: "time_not_offered" }).int({ error: "time_not_offered" }).min(0, { error: "time_not_offered" }).max(MAX_TIMES - 1, { error: "time_not_offered" }) })
  .strict();

/** Staff propose another time. */
export const ProposeAppointmentInput = z.object({ ...AppointmentRef, time: FutureTime }).strict();

/** Staff decline, with a reason the owner reads. */
export const DeclineAppointmentInput = z.object({ ...AppointmentRef, reason: Text(300) }).strict();

/** The owner accepts the proposed time, or cancels. */
export const AppointmentOnlyInput = z.object(AppointmentRef).strict();
