import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { managedOrganisations } from "./member-scope";
import { keepAnAdministrator, lockedMembership } from "./last-admin";

/** Makes a member an admin of their organisation, or an admin a member (never the only one). */
export async function setMemberRole(input: { actor: Actor; membershipId: string; role: "MEMBER" | "ADMIN" }): Promise<void> {
  assertCan(input.actor, "members:manage");
  await transaction(async (tx) => {
    const found = await tx.membership.findFirst({
      where: { id: input.membershipId, organisation: managedOrganisations(input.actor) },
      select: { id: true, organisationId: true },
    });
    if (!found) throw new AppError("NOT_FOUND");
    // Under the organisation's lock: a membership removed meanwhile is not updated, and two
    // administrators demoting each other at once leave one of them administrator.
    const m = await lockedMembership(tx, input.actor, found);
    if (input.role === "MEMBER") await keepAnAdministrator(tx, m);
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role } });
    await audit(tx, input.actor, "membership.role_changed", {
      organisationId: m.organisationId,
      entityType: "Membership",
      entityId: m.id,
      subjectUserId: m.userId,
      data: { role: input.role },
    });
  });
}
