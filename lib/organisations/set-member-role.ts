import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { managedOrganisations } from "./member-scope";

/** Makes a member an admin of their organisation, or an admin a member. */
export async function setMemberRole(input: { actor: Actor; membershipId: string; role: "MEMBER" | "ADMIN" }): Promise<void> {
  assertCan(input.actor, "members:manage");
  await transaction(async (tx) => {
    // Read inside the transaction: a membership removed meanwhile is not updated.
    const m = await tx.membership.findFirst({
      where: { id: input.membershipId, organisation: managedOrganisations(input.actor) },
      select: { id: true, userId: true, organisationId: true },
    });
    if (!m) throw new AppError("NOT_FOUND");
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
