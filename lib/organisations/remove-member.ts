import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { managedOrganisations } from "./member-scope";
import { keepAnAdministrator, lockedMembership } from "./last-admin";

/** Removes a member from an organisation the actor manages; never its only administrator. */
export async function removeMember(input: { actor: Actor; membershipId: string }): Promise<void> {
  assertCan(input.actor, "members:manage");
  await transaction(async (tx) => {
    const found = await tx.membership.findFirst({
      where: { id: input.membershipId, organisation: managedOrganisations(input.actor) },
      select: { id: true, organisationId: true },
    });
    if (!found) throw new AppError("NOT_FOUND");
    // Under the organisation's lock, so the audit row names the membership really deleted and
    // two removals or demotions at once cannot leave the organisation without an administrator.
    const m = await lockedMembership(tx, input.actor, found);
    await keepAnAdministrator(tx, m);
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
