import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { managedOrganisations } from "./member-scope";

/** Removes a member from an organisation the actor manages. */
export async function removeMember(input: { actor: Actor; membershipId: string }): Promise<void> {
  assertCan(input.actor, "members:manage");
  await transaction(async (tx) => {
    // Read inside the transaction, so the audit row names the membership that was really deleted.
    const m = await tx.membership.findFirst({
      where: { id: input.membershipId, organisation: managedOrganisations(input.actor) },
      select: { id: true, userId: true, organisationId: true },
    });
    if (!m) throw new AppError("NOT_FOUND");
    await tx.membership.delete({ where: { id: m.id } });
    await audit(tx, input.actor, "membership.removed", {
      organisationId: m.organisationId,
      entityType: "Membership",
      entityId: m.id,
      subjectUserId: m.userId,
      data: { organisationId: m.organisationId },
    });
  });
}
