import { z } from "zod";
import { Email, LocaleInput, NewPassword } from "../accounts/schemas";
import { VinSchema } from "../vehicles/vin";
import { PRODUCT_CODES } from "./products";

const Id = z.string().min(1).max(40);
const Text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "too_long" });
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);
const thisYear = new Date().getUTCFullYear();
const DateInput = z.iso.date({ error: "date_invalid" }).transform((s) => new Date(`${s}T00:00:00Z`));

const productFields = Object.fromEntries(
  PRODUCT_CODES.flatMap((p) => [
    [`include_${p}`, checkbox],
    [`months_${p}`, z.coerce.number({ error: "number_invalid" }).int().min(1, { error: "number_invalid" }).max(120, { error: "number_invalid" }).optional()],
    [`renew_${p}`, checkbox],
  ]),
) as Record<string, z.ZodType>;

export const VehicleFields = {
  vin: VinSchema,
  make: Text(60),
  model: Text(80),
  modelYear: z.coerce.number({ error: "year_invalid" }).int({ error: "year_invalid" }).min(1950, { error: "year_invalid" }).max(thisYear + 2, { error: "year_invalid" }),
  fuel: z.enum(["PETROL", "DIESEL", "HYBRID", "PLUGIN_HYBRID", "ELECTRIC", "OTHER"]).default("PETROL"),
  plate: z.string().trim().max(20, { error: "plate_invalid" }).optional().transform((v) => v || undefined),
  plateCountry: z.enum(["NL", "BE"]).default("NL"),
};

/** Empty form fields are absent ones. */
const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/**
 * At the desk a known VIN keeps its recorded car (the form shows it and asks nothing more): make,
 * model, year and fuel describe a new car only, and the use case asks for them when the VIN is new.
 */
const DeskVehicleFields = {
  ...VehicleFields,
  make: blankAsAbsent(VehicleFields.make),
  model: blankAsAbsent(VehicleFields.model),
  modelYear: blankAsAbsent(VehicleFields.modelYear),
  fuel: blankAsAbsent(z.enum(["PETROL", "DIESEL", "HYBRID", "PLUGIN_HYBRID", "ELECTRIC", "OTHER"])),
};

export const InviteInput = z
  .object({
    organisationId: Id,
    ...VehicleFields,
    email: Email,
    locale: LocaleInput,
    ...productFields,
  })
  .strict();

export type InviteInputT = z.output<typeof InviteInput>;

export const InvitationIdInput = z.object({ invitationId: Id }).strict();

export const TokenInput = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);
export const AcceptInvitationInput = z.object({ token: TokenInput }).strict();
export const AcceptWithNewAccountInput = z
  .object({
    token: TokenInput,
    firstName: Text(100),
    lastName: Text(100),
    password: NewPassword,
    passwordConfirm: z.string(),
    locale: LocaleInput,
  })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const DeskVerificationInput = z
  .object({
    organisationId: Id,
    ownerEmail: Email,
    relationship: z.enum(["OWNER", "DRIVER"]),
    authorisationSeen: checkbox,
    idDocumentType: z.enum(["DRIVING_LICENCE", "PASSPORT", "IDENTITY_CARD"], { error: "required" }),
    fullName: Text(150),
    dateOfBirth: DateInput,
    placeOfBirth: Text(100),
    address: Text(250),
    documentValidUntil: DateInput,
    ...DeskVehicleFields,
    registeredOwnerName: Text(150),
    registeredOwnerAddress: Text(250),
    confirmOwnershipChange: checkbox,
  })
  .strict()
  .refine((v) => v.relationship !== "DRIVER" || v.authorisationSeen, { path: ["authorisationSeen"], error: "authorisation_required" });

export type DeskVerificationInputT = z.output<typeof DeskVerificationInput>;

export const LookupOwnerInput = z.object({ organisationId: Id, email: Email }).strict();
/** The desk's look-up of a VIN: is the car known, and as what. */
export const LookupVehicleInput = z.object({ organisationId: Id, vin: VinSchema }).strict();

export const VehicleIdInput = z.object({ vehicleId: Id }).strict();
export const RemoveVehicleInput = z
  .object({ vehicleId: Id, understood: checkbox })
  .strict()
  .refine((v) => v.understood, { path: ["understood"], error: "confirm_required" });

export const RelinkInput = z
  .object({ holdingId: Id, identityChecked: checkbox })
  .strict()
  .refine((v) => v.identityChecked, { path: ["identityChecked"], error: "confirm_required" });
export const DisconnectInput = z.object({ holdingId: Id }).strict();
