import { z } from "zod";
import { Email, LocaleInput, NewPassword } from "../accounts/schemas";
import { VinSchema } from "../vehicles/vin";
import { parseEuroToCents } from "./amount";

/** Issue messages are message keys under errors.fields in the message files. */
const Id = z.string().min(1).max(40);
const Text = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "too_long" });
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "too_long" })
    .optional()
    .transform((v) => v || undefined);
const thisYear = new Date().getUTCFullYear();
const Token = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);

export const PASSPORT_STATUSES = ["IN_STOCK", "RESERVED", "SOLD", "DELIVERED"] as const;
export type PassportStatusT = (typeof PASSPORT_STATUSES)[number];
export const FUELS = ["PETROL", "DIESEL", "HYBRID", "PLUGIN_HYBRID", "ELECTRIC", "OTHER"] as const;

export const Amount = z.string({ error: "amount_invalid" }).transform((s, ctx) => {
  const cents = parseEuroToCents(s);
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: "amount_invalid", input: s });
    return z.NEVER;
  }
  return cents;
});

const DateInput = z.iso.date({ error: "date_invalid" }).transform((s) => new Date(`${s}T00:00:00Z`));
const OptionalDate = z
  .union([z.literal(""), DateInput])
  .optional()
  .transform((v) => (v instanceof Date ? v : undefined));

export const CreatePassportInput = z
  .object({
    garageId: Id,
    /** Checked against the Dutch sidecodes or the Belgian formats in the use case (one message key). */
    plate: z.string({ error: "plate_invalid" }).trim().min(1, { error: "plate_invalid" }).max(20, { error: "plate_invalid" }),
    plateCountry: z.enum(["NL", "BE"]).default("NL"),
    vin: VinSchema,
    make: Text(60),
    model: Text(80),
    modelYear: z.coerce
      .number({ error: "year_invalid" })
      .int({ error: "year_invalid" })
      .min(1950, { error: "year_invalid" })
      .max(thisYear + 2, { error: "year_invalid" }),
    fuel: z.enum(FUELS).default("PETROL"),
    fleetAccountId: z
      .string()
      .max(40)
      .optional()
      .transform((v) => v || undefined),
  })
  .strict();
export type CreatePassportInputT = z.output<typeof CreatePassportInput>;

export const PassportIdInput = z.object({ passportId: Id }).strict();

export const UpdatePassportInput = z
  .object({ passportId: Id, status: z.enum(PASSPORT_STATUSES, { error: "required" }), notes: z.string().max(4000, { error: "too_long" }).default("") })
  .strict();

export const AddCostItemInput = z.object({ passportId: Id, description: Text(200), amount: Amount }).strict();
export const ItemInput = z.object({ passportId: Id, itemId: Id }).strict();
export const AddMaintenanceItemInput = z.object({ passportId: Id, description: Text(200), dueAt: OptionalDate }).strict();
export const MaintenanceDoneInput = z.object({ passportId: Id, itemId: Id, done: z.enum(["true", "false"]).transform((v) => v === "true") }).strict();

export const SetFleetInput = z
  .object({
    passportId: Id,
    fleetAccountId: z
      .string()
      .max(40)
      .optional()
      .transform((v) => v || null),
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
  .object({ passportId: Id, ...Contact, email: Email, emailConfirm: z.string().trim().toLowerCase(), locale: LocaleInput })
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
  .object({ transferId: Id, email: Email, emailConfirm: z.string().trim().toLowerCase() })
  .strict()
  .refine((v) => v.email === v.emailConfirm, { path: ["emailConfirm"], error: "emails_differ" });

export const VehicleIdInput = z.object({ vehicleId: Id }).strict();
