import { z } from "zod";
import { MembershipRole, OrganisationKind, UserStatus } from "../../generated/prisma/enums";
import { Email, Id, OptionalId, OptionalText, Text } from "../server/fields";

export const CreateOrganisationInput = z
  .object({
    name: Text(120, { min: 2 }),
    kind: z.enum(OrganisationKind, { error: "required" }),
    parentId: OptionalId,
    city: OptionalText(80),
    // Organisation.country is a CHAR(2), not a Prisma enum: the countries the portal serves.
    country: z.enum(["NL", "BE"], { error: "required" }),
  })
  .strict()
  .refine((v) => v.kind !== "FLEET" || !!v.parentId, { path: ["parentId"], error: "fleet_needs_garage" });

export const AddMemberInput = z
  .object({ organisationId: Id, email: Email, role: z.enum(MembershipRole, { error: "required" }) })
  .strict();

export const MemberInput = z.object({ membershipId: Id }).strict();
export const SetMemberRoleInput = z.object({ membershipId: Id, role: z.enum(MembershipRole) }).strict();
/** An administrator enables or disables an account; INVITED is not something to set. */
export const SetUserStatusInput = z.object({ userId: Id, status: z.enum([UserStatus.ACTIVE, UserStatus.DISABLED]) }).strict();
