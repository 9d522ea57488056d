import { z } from "zod";
import { Id, OptionalNotes } from "../server/fields";

export const DisputeIdInput = z.object({ disputeId: Id }).strict();

export const ContestInput = z
  .object({
    disputeId: Id,
    upload_REGISTRATION: z
      .string()
      .max(1000, { error: "document_invalid" })
      .optional()
      .transform((v) => v || undefined),
    note: OptionalNotes(500),
  })
  .strict();

export const DecideInput = z
  .object({
    disputeId: Id,
    winner: z.enum(["claimant", "holder"], { error: "required" }),
  })
  .strict();
export type DecideInputT = z.output<typeof DecideInput>;
