import { db } from "../server/db";
import { can, assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { enqueueEmail } from "../server/mail/outbox";
import { mailQueued } from "../server/mail/notify";
import { appLink } from "../server/urls";
import type { MembershipRole, UserStatus } from "../../generated/prisma/enums";

/** Platform admins manage every organisation; an organisation's own admins manage theirs. */
function orgScope(actor: Actor) {
  if (can(actor, "organisations:manage")) return {};
  return { id: { in: actor.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organisationId) } };
}

export async function addMember(input: { actor: Actor; organisationId: string; email: string; role: MembershipRole }): Promise<{ id: string }> {
  assertCan(input.actor, "members:manage");
  const result = await db.$transaction(async (tx) => {
    // AND, not a spread: the scope's own `id` condition would replace the requested id.
    const org = await tx.organisation.findFirst({ where: { AND: [{ id: input.organisationId }, orgScope(input.actor)] }, select: { id: true, name: true } });
    if (!org) throw new AppError("NOT_FOUND");
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, status: true, locale: true, firstName: true } });
    if (!user || user.status !== "ACTIVE") {
      throw new AppError("VALIDATION", "member_needs_account", { fieldErrors: { email: ["member_needs_account"] } });
    }
    const exists = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } }, select: { id: true } });
    if (exists) throw new AppError("CONFLICT", "already_member", { fieldErrors: { email: ["already_member"] } });
    const m = await tx.membership.create({ data: { userId: user.id, organisationId: org.id, role: input.role }, select: { id: true } });
    await tx.auditLog.create({
      data: { actorUserId: input.actor.userId, actorRole: "admin", action: "membership.added", entityType: "Membership", entityId: m.id, subjectUserId: user.id, data: { organisationId: org.id, role: input.role } },
    });
    await enqueueEmail(tx, {
      to: input.email,
      locale: user.locale,
      template: "member-added",
      payload: { name: user.firstName, organisation: org.name, url: appLink(user.locale, `/console`) },
    });
    return m;
  });
  mailQueued();
  return result;
}

export async function setMemberRole(input: { actor: Actor; membershipId: string; role: MembershipRole }): Promise<void> {
  assertCan(input.actor, "members:manage");
  const m = await db.membership.findFirst({ where: { id: input.membershipId, organisation: orgScope(input.actor) }, select: { id: true, userId: true } });
  if (!m) throw new AppError("NOT_FOUND");
  await db.$transaction([
    db.membership.update({ where: { id: m.id }, data: { role: input.role } }),
    db.auditLog.create({
      data: { actorUserId: input.actor.userId, actorRole: "admin", action: "membership.role_changed", entityType: "Membership", entityId: m.id, subjectUserId: m.userId, data: { role: input.role } },
    }),
  ]);
}

export async function removeMember(input: { actor: Actor; membershipId: string }): Promise<void> {
  assertCan(input.actor, "members:manage");
  const m = await db.membership.findFirst({ where: { id: input.membershipId, organisation: orgScope(input.actor) }, select: { id: true, userId: true, organisationId: true } });
  if (!m) throw new AppError("NOT_FOUND");
  await db.$transaction([
    db.membership.delete({ where: { id: m.id } }),
    db.auditLog.create({
      data: { actorUserId: input.actor.userId, actorRole: "admin", action: "membership.removed", entityType: "Membership", entityId: m.id, subjectUserId: m.userId, data: { organisationId: m.organisationId } },
    }),
  ]);
}

/** Disabling a user ends all their sessions: they are refused on the very next request. */
export async function setUserStatus(input: { actor: Actor; userId: string; status: Exclude<UserStatus, "INVITED"> }): Promise<void> {
  assertCan(input.actor, "organisations:manage");
  if (input.userId === input.actor.userId) throw new AppError("CONFLICT", "cannot_disable_self");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, status: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND");
  if (input.status === "ACTIVE" && !user.passwordHash) throw new AppError("CONFLICT", "user_not_activated");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { status: input.status } });
    if (input.status === "DISABLED") await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.auditLog.create({
      data: { actorUserId: input.actor.userId, actorRole: "admin", action: input.status === "DISABLED" ? "user.disabled" : "user.enabled", entityType: "User", entityId: user.id, subjectUserId: user.id },
    });
  });
}
