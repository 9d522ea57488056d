/**
 * The forms of the owner's rights (issue 14): profile, e-mail change, consents, erasure. Issue
 * messages are keys under `errors.fields` (messages/<locale>/privacy.json adds the new ones).
 */
import { z } from "zod";
import { LocaleInput } from "../accounts/schemas";
import { Checkbox, Email, OptionalCalendarDate, OptionalText, Text, Token } from "../server/fields";
import { CHANNELS, CONSENT_PURPOSES, INTERESTS } from "./options";

export { CHANNELS, CONSENT_PURPOSES, INTERESTS, type ConsentPurposeT } from "./options";

/** A phone number as typed: digits, spaces, +, -, ( ) and dots, 6 to 20 digits. */
const PhoneText = z
  .string()
  .trim()
  .max(30, { error: "phone_invalid" })
  .refine((v) => v === "" || (/^\+?[0-9 ().-]+$/.test(v) && (v.match(/[0-9]/g)?.length ?? 0) >= 6 && (v.match(/[0-9]/g)?.length ?? 0) <= 20), { error: "phone_invalid" });
const OptionalPhone = PhoneText.optional().transform((v) => v || undefined);

/** A list field of a form: one value (a single checkbox) or several (FormData repeats the key). */
function many<const V extends readonly [string, ...string[]]>(values: V) {
  const item = z.enum(values);
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(values.length, { error: "too_many" }));
}

/** Extra phone numbers: one a line in a text area. */
const ExtraPhones = z
  .string()
  .max(200, { error: "too_long" })
  .optional()
  .transform((v) => (v ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(PhoneText).max(3, { error: "too_many" }));

const DateOfBirth = OptionalCalendarDate.refine((d) => d === undefined || (d.getUTCFullYear() >= 1900 && d.getTime() < Date.now()), { error: "birth_date_invalid" });

/** Staff edit their own name and language. */
export const StaffProfileInput = z
  .object({
    firstName: Text(100),
    lastName: Text(100),
    locale: LocaleInput,
  })
  .strict();

/** The owner's profile: name, address, phone numbers, language and the voluntary fields. */
export const OwnerProfileInput = z
  .object({
    firstName: Text(100),
    lastName: Text(100),
    locale: LocaleInput,
    title: OptionalText(40),
    company: OptionalText(120),
    dateOfBirth: DateOfBirth,
    street: OptionalText(120),
    postalCode: OptionalText(12),
    city: OptionalText(80),
    country: z
      .union([z.literal(""), z.enum(["NL", "BE", "DE", "FR", "LU"])])
      .optional()
      .transform((v) => v || undefined),
    mobile: OptionalPhone,
    phone: OptionalPhone,
    extraPhones: ExtraPhones,
    interests: many(INTERESTS),
    preferredChannels: many(CHANNELS),
  })
  .strict();

export const ChangeEmailInput = z.object({ email: Email, currentPassword: z.string({ error: "required" }).min(1, { error: "required" }).max(200) }).strict();

export const LinkTokenInput = z.object({ token: Token }).strict();

export const ConsentInput = z.object({ purpose: z.enum(CONSENT_PURPOSES) }).strict();

export const DeleteAccountInput = z
  .object({ password: z.string({ error: "required" }).min(1, { error: "required" }).max(200), understood: Checkbox })
  .strict();

export const EmptyInput = z.object({}).strict();
