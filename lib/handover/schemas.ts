import { z } from "zod";
import { LocaleInput, NewPassword } from "../accounts/schemas";
import { Email, EmailConfirm, Id, isMultiLineText, Text, Token } from "../server/fields";
import { MileageKm, PerformedOn } from "../dossier/schemas";

/** The contracts ticked to go with the car: none, one (a single checkbox) or several, by id. */
const ContractIds = z
  .union([Id, z.array(Id).max(50)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/**
 * The seller starts a handover: the buyer's name and address (typed twice), the language of the
 * buyer's e-mail, the date of sale (not after today) and the odometer at sale, and the contracts
 * that go with the car.
 */
export const StartHandoverInput = z
  .object({
    vehicleId: Id,
    buyerName: Text(150),
    buyerEmail: Email,
    buyerEmailConfirm: EmailConfirm,
    locale: LocaleInput,
    soldOn: PerformedOn,
    mileageKm: MileageKm,
    move: ContractIds,
  })
  .strict()
  .refine((v) => v.buyerEmail === v.buyerEmailConfirm, { path: ["buyerEmailConfirm"], error: "emails_differ" });
export type StartHandoverInputT = z.output<typeof StartHandoverInput>;

/** The seller withdraws (before acceptance) or undoes (after) a handover of theirs. */
export const HandoverIdInput = z.object({ handoverId: Id }).strict();

/**
 * Support undoes an accepted handover after the seller's own 48 hours (docs/decisions/0034), with
 * the reason both parties are told: required, several lines allowed.
 */
export const SupportUndoHandoverInput = z
  .object({
    handoverId: Id,
    reason: z
      .string({ error: "undo_reason_required" })
      .refine(isMultiLineText, { error: "notes_control_chars", abort: true })
      .trim()
      .min(1, { error: "undo_reason_required" })
      .max(1000, { error: "too_long" }),
  })
  .strict();
export type SupportUndoHandoverInputT = z.output<typeof SupportUndoHandoverInput>;

/** The addressed buyer, signed in, accepts or declines from the link. */
export const HandoverTokenInput = z.object({ token: Token }).strict();

/** A buyer without an account: the account is made and the handover accepted at once. */
export const AcceptHandoverWithNewAccountInput = z
  .object({
    token: Token,
    firstName: Text(100),
    lastName: Text(100),
    password: NewPassword,
    passwordConfirm: z.string(),
    locale: LocaleInput,
  })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });
