/**
 * The form fields every feature's schemas.ts builds on, defined once. Pure: zod, the generated
 * Prisma enums (plain objects), the VIN and plate rules and the dates module only; no
 * `server-only`, framework or database. Client components do not import the schemas (they would
 * send zod to the browser, decision 0043): a form's choices live in lib/<feature>/options.ts.
 *
 * Issue messages are message keys under `errors.fields` in messages/<locale>/*.json.
 */
import { z } from "zod";
import { Fuel, PlateCountry } from "../../generated/prisma/enums";
import { checkPlate, type PlateCountry as PlateCountryT } from "./plate";
import { checkVin } from "./vin";
import { calendarDate, currentYear } from "./dates";

/**
 * Characters single-line text never contains: the C0 controls (NUL to US, with TAB, LF and CR),
 * DEL, the C1 controls, and the Unicode line and paragraph separators.
 */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Multi-line text (notes) may break lines with LF and CR; every other control is refused. */
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Characters no text can be stored with: NUL (PostgreSQL's text cannot hold it) and a lone UTF-16
 * surrogate (no valid UTF-8 exists for it). The action wrapper refuses them in every field of every
 * form, before any schema (lib/server/action.ts), with the message key `character_not_allowed`.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first field (a top-level key) whose value, or any string inside it, cannot be stored. */
export function fieldWithUnstorableText(input: Record<string, unknown>): string | undefined {
  const bad = (v: unknown, depth: number): boolean => {
    if (typeof v === "string") return UNSTORABLE.test(v);
    if (depth > 8 || v === null || typeof v !== "object") return false;
    if (Array.isArray(v)) return v.some((x) => bad(x, depth + 1));
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    return Object.entries(v).some(([k, x]) => UNSTORABLE.test(k) || bad(x, depth + 1));
  };
  return Object.keys(input).find((k) => UNSTORABLE.test(k) || bad(input[k], 0));
}

export const isSingleLine = (v: string): boolean => !SINGLE_LINE_FORBIDDEN.test(v);
export const isMultiLineText = (v: string): boolean => !MULTI_LINE_FORBIDDEN.test(v);

/** The id of a record (a cuid), sent back by a form. */
export const Id = z.string().min(1).max(40);
/** An optional id: an empty choice ("") is none. */
export const OptionalId = z
  .string()
  .max(40)
  .optional()
  .transform((v) => v || undefined);

/** A token from an e-mailed link (base64url). */
export const Token = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);

/**
 * Required single-line text, trimmed, from `min` (default 1) to `max` characters. A control
 * character anywhere (a line break or tab at either end too) is refused, not silently cut off.
 */
export function Text(max: number, { min = 1 }: { min?: number } = {}) {
  const text = z.string({ error: "required" }).refine(isSingleLine, { error: "text_control_chars", abort: true }).trim();
  // Empty (or blank) is "required" whatever the minimum; only typed but shorter text is "too short".
  const required = text.min(1, { error: "required", abort: true });
  return (min > 1 ? required.min(min, { error: "too_short" }) : required).max(max, { error: "too_long" });
}

/** Optional single-line text: empty or left out is `undefined`. */
export function OptionalText(max: number) {
  return z
    .string()
    .refine(isSingleLine, { error: "text_control_chars", abort: true })
    .trim()
    .max(max, { error: "too_long" })
    .optional()
    .transform((v) => v || undefined);
}

/** Multi-line text (notes), kept as typed: line breaks allowed, other control characters not. */
export function Notes(max: number) {
  return z
    .string()
    .refine(isMultiLineText, { error: "notes_control_chars", abort: true })
    .max(max, { error: "too_long" });
}

/** Optional multi-line text, trimmed: empty or left out is `undefined`. */
export function OptionalNotes(max: number) {
  return z
    .string()
    .refine(isMultiLineText, { error: "notes_control_chars", abort: true })
    .trim()
    .max(max, { error: "too_long" })
    .optional()
    .transform((v) => v || undefined);
}

/** A checkbox: "on" (a form) or `true` (a call) is ticked; left out or "" is not. */
export const Checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** An e-mail address, trimmed and lower-cased; a control character or line break anywhere is refused. */
export const Email = z
  .string({ error: "required" })
  // Before trimming: a line break or tab at either end is refused too, not silently cut off.
  .refine(isSingleLine, { error: "email_control_chars", abort: true })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "email_invalid" })
  .pipe(z.email({ error: "email_invalid" }))
  .transform((v) => v.toLowerCase());

/** The same address typed again, compared with the first by the form's schema. */
export const EmailConfirm = z.string().trim().toLowerCase();

/** A calendar date from a date field ("YYYY-MM-DD"), as a `Date` at 00:00 UTC (lib/server/dates.ts). */
export const CalendarDate = z.iso.date({ error: "date_invalid" }).transform(calendarDate);
/** An optional calendar date: an empty field is `undefined`. */
export const OptionalCalendarDate = z
  .union([z.literal(""), CalendarDate])
  .optional()
  .transform((v) => (v instanceof Date ? v : undefined));

/**
 * Parses user input into a normalised, valid VIN (lib/server/vin.ts). Issue messages are the
 * `vin_*` keys; a missing or non-string value is reported as `vin_length` (an empty VIN).
 */
export const Vin = z.string({ error: "vin_length" }).transform((input, ctx) => {
  const r = checkVin(input);
  if (r.ok) return r.vin;
  ctx.addIssue({ code: "custom", message: r.error, input });
  return z.NEVER;
});

/**
 * Parses user input into a valid plate: `{ country, plate, display, ... }` as from `checkPlate`
 * (lib/server/plate.ts), without `ok`. The issue message is the key `plate_invalid`, or
 * `plate_not_issued` for a Dutch plate with letters the RDW never issues.
 */
export function ValidPlate(country?: PlateCountryT) {
  return z.string({ error: "plate_invalid" }).transform((input, ctx) => {
    const r = checkPlate(input, country);
    if (r.ok) {
      const { ok: _ok, ...plate } = r;
      return plate;
    }
    ctx.addIssue({ code: "custom", message: r.error, input });
    return z.NEVER;
  });
}

/**
 * A plate as typed, checked against its country's formats by the use case (together with the
 * country field, so one message key `plate_invalid`).
 */
export const Plate = z.string({ error: "plate_invalid" }).trim().min(1, { error: "plate_invalid" }).max(20, { error: "plate_invalid" });
/** An optional plate as typed: empty is `undefined`. */
export const OptionalPlate = z
  .string()
  .trim()
  .max(20, { error: "plate_invalid" })
  .optional()
  .transform((v) => v || undefined);
export const PlateCountryField = z.enum(PlateCountry).default("NL");

/** A model year from 1950 to two years ahead, counted in Amsterdam at the time of parsing. */
export const ModelYear = z.coerce
  .number({ error: "year_invalid" })
  .int({ error: "year_invalid" })
  .min(1950, { error: "year_invalid" })
  .refine((y) => y <= currentYear() + 2, { error: "year_invalid" });

export const FuelField = z.enum(Fuel).default("PETROL");

/** A car as a form describes it; the plate is optional here (a passport requires it). */
export const VehicleFields = {
  vin: Vin,
  make: Text(60),
  model: Text(80),
  modelYear: ModelYear,
  fuel: FuelField,
  plate: OptionalPlate,
  plateCountry: PlateCountryField,
};
