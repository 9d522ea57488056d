import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import type { OrganisationKind } from "../../generated/prisma/enums";

export async function createOrganisation(input: {
  actor: Actor;
  name: string;
  kind: OrganisationKind;
  parentId?: string;
  city?: string;
  country: "NL" | "BE";
}): Promise<{ id: string }> {
  assertCan(input.actor, "organisations:manage");
  return transaction(async (tx) => {
    if (input.kind === "FLEET") {
      // Without a parentId, `id: undefined` would match any garage.
      const parent = input.parentId ? await tx.organisation.findFirst({ where: { id: input.parentId, kind: "GARAGE" }, select: { id: true } }) : null;
      if (!parent) throw new AppError("VALIDATION", "fleet_needs_garage", { fieldErrors: { parentId: ["fleet_needs_garage"] } });
    }
    const org = await tx.organisation.create({
      data: {
        name: input.name,
        kind: input.kind,
        parentId: input.kind === "FLEET" ? input.parentId : null,
        city: input.city,
        country: input.country,
      },
      select: { id: true },
    });
    await audit(tx, input.actor, "organisation.created", { entityType: "Organisation", entityId: org.id, data: { name: input.name, kind: input.kind } });
    return org;
  });
}
