import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { transaction } from "../server/transaction";
import { appLink } from "../server/urls";
import { managedOrganisations } from "./member-scope";

/** Adds an active account to an organisation the actor manages, and tells them by e-mail. */
export async function addMember(input: { actor: Actor; organisationId: string; email: string; role: "MEMBER" | "ADMIN" }): Promise<{ id: string }> {
  assertCan(input.actor, "members:manage");
  return transaction(async (tx) => {
    // AND, not a spread: the scope's own `id` condition would replace the requested id.
    const org = await tx.organisation.findFirst({ where: { AND: [{ id: input.organisationId }, managedOrganisations(input.actor)] }, select: { id: true, name: true } });
    if (!org) throw new AppError("NOT_FOUND");
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, status: true, locale: true, firstName: true } });
    if (!user || user.status !== "ACTIVE") {
      throw new AppError("VALIDATION", "member_needs_account", { fieldErrors: { email: ["member_needs_account"] } });
    }
    const exists = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } }, select: { id: true } });
    if (exists) throw new AppError("CONFLICT", "already_member", { fieldErrors: { email: ["already_member"] } });
    const m = await tx.membership.create({ data: { userId: user.id, organisationId: org.id, role: input.role }, select: { id: true } });
    await audit(tx, input.actor, "membership.added", {
      organisationId: org.id,
      entityType: "Membership",
      entityId: m.id,
      subjectUserId: user.id,
      data: { organisationId: org.id, role: input.role },
    });
    await enqueueEmail(tx, {
      to: input.email,
      locale: user.locale,
      template: "member-added",
      payload: { name: user.firstName, organisation: org.name, url: appLink(user.locale, `/console`) },
    });
    return m;
  });
}
