import { z } from "zod";
import { Id, Notes, OptionalNotes } from "../server/fields";

/** A fleet manager asks the garage to unlink a car: why (e.g. "sold to a customer"). */
export const RequestUnlinkInput = z
  .object({ passportId: Id, reason: Notes(500).transform((s) => s.trim()).pipe(z.string().min(1, { error: "required" })) })
  .strict();
export type RequestUnlinkInputT = z.output<typeof RequestUnlinkInput>;

/** Garage staff answer: approve, or decline with a reason. */
export const AnswerUnlinkInput = z
  .object({ requestId: Id, decision: z.enum(["approve", "decline"], { error: "required" }), declineReason: OptionalNotes(500) })
  .strict()
  .refine((v) => v.decision === "approve" || !!v.declineReason, { path: ["declineReason"], error: "required" });
export type AnswerUnlinkInputT = z.output<typeof AnswerUnlinkInput>;
