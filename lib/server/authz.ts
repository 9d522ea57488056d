/**
 * Who may do what: one role -> permission table (dub's rbac/permissions.ts, epic-stack 028).
 * Ownership of a record is never decided here: that is the `where` of each query.
 */
import type { MembershipRole, OrganisationKind, PlatformRole } from "../../generated/prisma/enums";
import type { UserLocale } from "../../i18n/routing";
import { AppError } from "./errors";

export type { MembershipRole, OrganisationKind, PlatformRole };

export interface ActorMembership {
  organisationId: string;
  organisationName: string;
  kind: OrganisationKind;
  role: MembershipRole;
}

export interface Actor {
  userId: string;
  email: string;
  name: string;
  locale: UserLocale;
  platformRole: PlatformRole;
  memberships: ActorMembership[];
  sessionId: string | null;
}

/**
 * The actor stand-in for audit rows written by a user who is not signed in, whose address a
 * link in an e-mail proved (accepting an invitation or a transfer with a new account).
 */
export function userActor(user: { id: string; email: string; locale: UserLocale }): Actor {
  return { userId: user.id, email: user.email, name: "", locale: user.locale, platformRole: "NONE", memberships: [], sessionId: null };
}

/** What `actorFromUser` needs of a user row: a Prisma `select`. */
export const ACTOR_USER_SELECT = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  locale: true,
  platformRole: true,
  memberships: {
    select: { role: true, organisation: { select: { id: true, name: true, kind: true } } },
    orderBy: { createdAt: "asc" },
  },
} as const;

export interface ActorUserRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: Actor["locale"];
  platformRole: PlatformRole;
  memberships: { role: MembershipRole; organisation: { id: string; name: string; kind: OrganisationKind } }[];
}

/** The actor of a user row read with ACTOR_USER_SELECT: the signed-in user, or (without a session) a user a link proved. */
export function actorFromUser(u: ActorUserRow, sessionId: string | null): Actor {
  return {
    userId: u.id,
    email: u.email,
    name: `${u.firstName} ${u.lastName}`.trim(),
    locale: u.locale,
    platformRole: u.platformRole,
    sessionId,
    memberships: u.memberships.map((m) => ({
      organisationId: m.organisation.id,
      organisationName: m.organisation.name,
      kind: m.organisation.kind,
      role: m.role,
    })),
  };
}

export type Role = "owner" | "dealer" | "garage" | "fleet" | "org-admin" | "support" | "admin";

export const PERMISSIONS = {
  "garage:use": ["owner"],
  "account:manage": ["owner"],
  "console:use": ["dealer", "garage", "fleet", "support", "admin"],
  "organisations:manage": ["admin"],
  // The user list: find an account, send a new activation link.
  "users:assist": ["support", "admin"],
  "invitations:manage": ["dealer"],
  "vehicles:link": ["dealer"],
  "verification:review": ["dealer", "support"],
  "passports:manage": ["garage"],
  // Record service entries for a car the organisation services (lib/dossier/access.ts).
  "service:record": ["dealer", "garage"],
  "fleet:view": ["fleet", "garage"],
  "transfers:correct": ["support"],
  // Undo an accepted handover between owners once the seller's own 48 hours are over (docs/decisions/0034).
  "handovers:decide": ["support"],
  // Register recall campaigns (lib/recalls/register-campaign.ts): central support only.
  "recalls:register": ["support"],
  "members:manage": ["org-admin", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesOf(actor: Actor): Role[] {
  const roles = new Set<Role>(["owner"]);
  for (const m of actor.memberships) {
    roles.add(m.kind.toLowerCase() as Role);
    if (m.role === "ADMIN") roles.add("org-admin");
  }
  if (actor.platformRole === "SUPPORT") roles.add("support");
  if (actor.platformRole === "ADMIN") roles.add("admin");
  return [...roles];
}

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return rolesOf(actor).some((r) => allowed.includes(r));
}

/** Throws NOT_FOUND rather than FORBIDDEN: a place one may not enter does not exist for one. */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, permission)) throw new AppError("NOT_FOUND");
}

const ORG_KIND_FOR: Partial<Record<Permission, OrganisationKind[]>> = {
  "invitations:manage": ["DEALER"],
  "vehicles:link": ["DEALER"],
  "verification:review": ["DEALER"],
  "passports:manage": ["GARAGE"],
  "service:record": ["DEALER", "GARAGE"],
  "fleet:view": ["FLEET", "GARAGE"],
};

/** The organisations in which the actor holds an organisation-scoped permission. */
export function organisationsWith(actor: Actor, permission: Permission): string[] {
  const kinds = ORG_KIND_FOR[permission];
  if (!kinds) return [];
  return actor.memberships.filter((m) => kinds.includes(m.kind)).map((m) => m.organisationId);
}

export function isStaff(actor: Actor | null): boolean {
  return can(actor, "console:use");
}

/** Where a signed-in user lands. */
export function homePathFor(actor: Actor): "/console" | "/garage" {
  return isStaff(actor) ? "/console" : "/garage";
}

/** The organisation the actor acts for: one of theirs with the permission, or NOT_FOUND. */
export function actingOrganisation(actor: Actor, organisationId: string, permission: Permission): string {
  if (!organisationsWith(actor, permission).includes(organisationId)) throw new AppError("NOT_FOUND");
  return organisationId;
}
