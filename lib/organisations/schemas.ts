import { z } from "zod";
import { Email } from "../accounts/schemas";

const Id = z.string().min(1).max(40);

export const CreateOrganisationInput = z
  .object({
    name: z.string().trim().min(2, { error: "too_short" }).max(120, { error: "too_long" }),
    kind: z.enum(["DEALER", "GARAGE", "FLEET"], { error: "required" }),
    parentId: z.string().max(40).optional().transform((v) => v || undefined),
    city: z.string().trim().max(80, { error: "too_long" }).optional().transform((v) => v || undefined),
    country: z.enum(["NL", "BE"], { error: "required" }),
  })
  .strict()
  .refine((v) => v.kind !== "FLEET" || !!v.parentId, { path: ["parentId"], error: "fleet_needs_garage" });

export const AddMemberInput = z
  .object({ organisationId: Id, email: Email, role: z.enum(["MEMBER", "ADMIN"], { error: "required" }) })
  .strict();

export const MemberInput = z.object({ membershipId: Id }).strict();
export const SetMemberRoleInput = z.object({ membershipId: Id, role: z.enum(["MEMBER", "ADMIN"]) }).strict();
export const SetUserStatusInput = z.object({ userId: Id, status: z.enum(["ACTIVE", "DISABLED"]) }).strict();
