import { z } from "zod";
import { Fuel, VerificationRelationship } from "../../generated/prisma/enums";
import { LocaleInput, NewPassword } from "../accounts/schemas";
import { Checkbox, Email, Id, Text, Token, VehicleFields, Vin } from "../server/fields";
import { VerifiedFactsFields } from "../holdings/link-verified";
import { PRODUCT_CODES, PRODUCTS, type ProductCode } from "./products";

const ContractMonths = z.coerce
  .number({ error: "number_invalid" })
  .int()
  .min(1, { error: "number_invalid" })
  .max(120, { error: "number_invalid" })
  .optional();

type ProductFields = Record<`include_${ProductCode}` | `renew_${ProductCode}`, typeof Checkbox> & Record<`months_${ProductCode}`, typeof ContractMonths>;
const productFields = Object.fromEntries(
  PRODUCT_CODES.flatMap((p) => [
    [`include_${p}`, Checkbox],
    [`months_${p}`, ContractMonths],
    [`renew_${p}`, Checkbox],
  ]),
) as ProductFields;

export interface InvitedContract {
  product: ProductCode;
  months: number;
  autoRenew: boolean;
}

/** The ticked products of the form, each with its months (or the product's default) and renewal. */
function contractsOf(fields: z.output<z.ZodObject<ProductFields>>): InvitedContract[] {
  return PRODUCT_CODES.filter((p) => fields[`include_${p}`]).map((p) => ({
    product: p,
    months: fields[`months_${p}`] ?? PRODUCTS[p].defaultMonths,
    autoRenew: fields[`renew_${p}`],
  }));
}

/** The sale form: the car, the buyer and the contracts (`include_*`, `months_*`, `renew_*` become `contracts`). */
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
  fuel: blankAsAbsent(z.enum(Fuel)),
};

export const InviteInput = z
  .object({
    organisationId: Id,
    ...VehicleFields,
    email: Email,
    locale: LocaleInput,
    ...productFields,
  })
  .strict()
  .transform((v) => ({
    organisationId: v.organisationId,
    vin: v.vin,
    make: v.make,
    model: v.model,
    modelYear: v.modelYear,
    fuel: v.fuel,
    plate: v.plate,
    plateCountry: v.plateCountry,
    email: v.email,
    locale: v.locale,
    contracts: contractsOf(v),
  }));

export type InviteInputT = z.output<typeof InviteInput>;

export const InvitationIdInput = z.object({ invitationId: Id }).strict();

export const TokenInput = Token;
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
    relationship: z.enum(VerificationRelationship),
    authorisationSeen: Checkbox,
    ...VerifiedFactsFields,
    ...DeskVehicleFields,
  })
  .strict()
  .refine((v) => v.relationship !== "DRIVER" || v.authorisationSeen, { path: ["authorisationSeen"], error: "authorisation_required" });

export type DeskVerificationInputT = z.output<typeof DeskVerificationInput>;

export const LookupOwnerInput = z.object({ organisationId: Id, email: Email }).strict();
/** The desk's look-up of a VIN: is the car known, and as what. */
export const LookupVehicleInput = z.object({ organisationId: Id, vin: Vin }).strict();

export const VehicleIdInput = z.object({ vehicleId: Id }).strict();
export const RemoveVehicleInput = z
  .object({ vehicleId: Id, understood: Checkbox })
  .strict()
  .refine((v) => v.understood, { path: ["understood"], error: "confirm_required" });

export const RelinkInput = z
  .object({ holdingId: Id, identityChecked: Checkbox })
  .strict()
  .refine((v) => v.identityChecked, { path: ["identityChecked"], error: "confirm_required" });
export const DisconnectInput = z.object({ holdingId: Id }).strict();
