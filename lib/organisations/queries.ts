import { db } from "../server/db";
import { assertCan, can, type Actor } from "../server/authz";

export async function listOrganisations(actor: Actor) {
  assertCan(actor, "organisations:manage");
  return db.organisation.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, kind: true, city: true, country: true, parent: { select: { name: true } }, _count: { select: { memberships: true } } },
  });
}

/** An organisation with its members, for platform admins and the organisation's own admins. */
export async function getOrganisation(actor: Actor, id: string) {
  const scope = can(actor, "organisations:manage")
    ? {}
    : { id: { in: actor.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organisationId) } };
  return db.organisation.findFirst({
    where: { AND: [{ id }, scope] },
    select: {
      id: true,
      name: true,
      kind: true,
      city: true,
      country: true,
      parent: { select: { id: true, name: true } },
      fleets: { select: { id: true, name: true } },
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, firstName: true, lastName: true, status: true } } },
      },
    },
  });
}

export async function listGarages(actor: Actor) {
  assertCan(actor, "organisations:manage");
  return db.organisation.findMany({ where: { kind: "GARAGE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The user list: platform admins, and support (who can only resend an activation there). */
export async function searchUsers(actor: Actor, q: string) {
  assertCan(actor, "users:assist");
  const term = q.trim().toLowerCase();
  return db.user.findMany({
    where: term ? { OR: [{ email: { contains: term } }, { lastName: { contains: term, mode: "insensitive" } }] } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, firstName: true, lastName: true, status: true, platformRole: true, lastSignInAt: true },
  });
}
