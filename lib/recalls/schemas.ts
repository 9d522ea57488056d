import { z } from "zod";
import { WarrantyKind } from "../../generated/prisma/enums";
import { CalendarDate, Id, ModelYear, Notes, OptionalCalendarDate, OptionalId, OptionalText, Text } from "../server/fields";
import { MileageKm } from "../dossier/schemas";
import { MAX_VIN_LIST_BYTES } from "./vin-list";

/** Issue messages are message keys under errors.fields in the message files. */

/** A campaign code: letters, digits, dashes, dots and slashes, upper-cased (e.g. "24V-123", "WMA-07"). */
export const CampaignCode = Text(40)
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9./_-]*$/, { error: "code_invalid" }));

const Description = Notes(4000)
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { error: "required" }));

/** An optional model year: an empty field is none. */
const OptionalYear = z.union([z.literal(""), ModelYear]).optional().transform((v) => (typeof v === "number" ? v : undefined));

/** The uploaded CSV file; an empty file field (no file chosen) is none. */
const CsvFile = z
  .instanceof(File, { error: "vin_list_required" })
  .optional()
  .transform((f) => (f && f.size > 0 ? f : undefined))
  .refine((f) => !f || f.size <= MAX_VIN_LIST_BYTES, { error: "file_too_large" });

export const CAMPAIGN_SCOPES = ["MODEL", "VINS"] as const;

export const RegisterCampaignInput = z
  .object({
    code: CampaignCode,
    titleNl: Text(150),
    titleEn: Text(150),
    titleFr: Text(150),
    descriptionNl: Description,
    descriptionEn: Description,
    descriptionFr: Description,
    scope: z.enum(CAMPAIGN_SCOPES, { error: "required" }),
    make: OptionalText(60),
    model: OptionalText(80),
    yearFrom: OptionalYear,
    yearTo: OptionalYear,
    vinsFile: CsvFile,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.scope === "MODEL") {
      if (!v.make) ctx.addIssue({ code: "custom", path: ["make"], message: "required" });
      if (!v.model) ctx.addIssue({ code: "custom", path: ["model"], message: "required" });
      if (v.yearFrom && v.yearTo && v.yearFrom > v.yearTo) ctx.addIssue({ code: "custom", path: ["yearTo"], message: "year_range" });
    } else if (!v.vinsFile) ctx.addIssue({ code: "custom", path: ["vinsFile"], message: "vin_list_required" });
  });
export type RegisterCampaignInputT = z.output<typeof RegisterCampaignInput>;

export { WARRANTY_KINDS } from "./options";

/** A warranty a workshop that services the car adds: from, until and/or up to a reading. */
export const AddWarrantyInput = z
  .object({
    vehicleId: Id,
    organisationId: OptionalId,
    // Named apart from the service entry's `kind` and `description`: both forms share the console's car page.
    warrantyKind: z.enum(WarrantyKind, { error: "required" }),
    provider: OptionalText(120),
    coverage: OptionalText(200),
    startsOn: CalendarDate,
    endsOn: OptionalCalendarDate,
    maxKm: z
      .union([z.literal(""), MileageKm])
      .optional()
      .transform((v) => (typeof v === "number" ? v : undefined)),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.endsOn && v.maxKm === undefined) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "warranty_needs_limit" });
    if (v.endsOn && v.endsOn.getTime() < v.startsOn.getTime()) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "date_before_start" });
  });
export type AddWarrantyInputT = z.output<typeof AddWarrantyInput>;
