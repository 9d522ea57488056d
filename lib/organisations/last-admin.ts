/**
 * An organisation that has an administrator keeps one. Every change that can take an
 * administrator away (making them a member, removing them) runs `lockedMembership` first: it takes
 * the organisation's row lock, so such changes of one organisation run one after the other, and
 * reads what the decision rests on after the lock (READ COMMITTED: the latest commit). Two
 * administrators demoting each other at once therefore end with one administrator, not none.
 */
import { can, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import type { Tx } from "../server/transaction";

async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`;
}

/**
 * Locks the membership's organisation and reads the membership again under the lock. An actor who
 * manages the organisation as its administrator (not a platform admin) must still be one: the
 * session's memberships were read before the lock, and another administrator may have demoted
 * them meanwhile. Either way a record one may not (or no longer) change reads as NOT_FOUND.
 */
export async function lockedMembership(tx: Tx, actor: Actor, found: { id: string; organisationId: string }) {
  await lockOrganisation(tx, found.organisationId);
  const m = await tx.membership.findUnique({ where: { id: found.id }, select: { id: true, userId: true, organisationId: true, role: true } });
  if (!m) throw new AppError("NOT_FOUND");
  if (!can(actor, "organisations:manage")) {
    const stillAdmin = await tx.membership.count({ where: { organisationId: m.organisationId, userId: actor.userId, role: "ADMIN" } });
    if (stillAdmin === 0) throw new AppError("NOT_FOUND");
  }
  return m;
}

/** Refuses to take away the organisation's only administrator (read under the lock above). */
export async function keepAnAdministrator(tx: Tx, m: { id: string; organisationId: string; role: string }): Promise<void> {
  if (m.role !== "ADMIN") return;
  const others = await tx.membership.count({ where: { organisationId: m.organisationId, role: "ADMIN", id: { not: m.id } } });
  if (others === 0) throw new AppError("CONFLICT", "last_admin");
}
