import { z } from "zod";
import { PassportStatus } from "../../generated/prisma/enums";
import { LocaleInput, NewPassword } from "../accounts/schemas";
import { Email, EmailConfirm, Id, Notes, OptionalCalendarDate, OptionalId, OptionalText, Plate, Text, Token, VehicleFields } from "../server/fields";
import { parseEuroToCents } from "./amount";

/** Issue messages are message keys under errors.fields in the message files; shared fields: lib/server/fields.ts. */

export { FUELS, PASSPORT_STATUSES, type PassportStatusT } from "./options";

export const Amount = z.string({ error: "amount_invalid" }).transform((s, ctx) => {
  const cents = parseEuroToCents(s);
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: "amount_invalid", input: s });
    return z.NEVER;
  }
  return cents;
});

export const CreatePassportInput = z
  .object({
    garageId: Id,
    ...VehicleFields,
    /** Required here; checked against the Dutch sidecodes or the Belgian formats in the use case (one message key). */
    plate: Plate,
    fleetAccountId: OptionalId,
  })
  .strict();
export type CreatePassportInputT = z.output<typeof CreatePassportInput>;

export const PassportIdInput = z.object({ passportId: Id }).strict();

export const UpdatePassportInput = z
  .object({ passportId: Id, status: z.enum(PassportStatus, { error: "required" }), notes: Notes(4000).default("") })
  .strict();

export const AddCostItemInput = z.object({ passportId: Id, description: Text(200), amount: Amount }).strict();
export const ItemInput = z.object({ passportId: Id, itemId: Id }).strict();
export const AddMaintenanceItemInput = z.object({ passportId: Id, description: Text(200), dueAt: OptionalCalendarDate }).strict();
export const MaintenanceDoneInput = z.object({ passportId: Id, itemId: Id, done: z.enum(["true", "false"]).transform((v) => v === "true") }).strict();

export const SetFleetInput = z
  .object({
    passportId: Id,
    fleetAccountId: OptionalId.transform((v) => v ?? null),
  })
  .strict();

const Contact = {
  name: Text(150),
  street: OptionalText(150),
  postalCode: OptionalText(20),
  city: OptionalText(100),
};

/** The buyer's contact details; the e-mail is typed twice because it cannot be changed afterwards. */
export const ConfirmTransferInput = z
  .object({ passportId: Id, ...Contact, email: Email, emailConfirm: EmailConfirm, locale: LocaleInput })
  .strict()
  .refine((v) => v.email === v.emailConfirm, { path: ["emailConfirm"], error: "emails_differ" });

/** Name and address after the transfer was confirmed: the e-mail is not part of it. */
export const UpdateContactInput = z.object({ passportId: Id, ...Contact }).strict();

export const TransferIdInput = z.object({ transferId: Id }).strict();
export const TransferTokenInput = z.object({ token: Token }).strict();
export const AcceptWithPasswordInput = z
  .object({ token: Token, password: NewPassword, passwordConfirm: z.string(), locale: LocaleInput })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const CorrectEmailInput = z
  .object({ transferId: Id, email: Email, emailConfirm: EmailConfirm })
  .strict()
  .refine((v) => v.email === v.emailConfirm, { path: ["emailConfirm"], error: "emails_differ" });

export const VehicleIdInput = z.object({ vehicleId: Id }).strict();
