import { organisationsWith, type Actor, type Permission } from "../server/authz";

/** The actor's organisations that hold a permission, for a form's organisation choice. */
export function organisationChoices(actor: Actor, permission: Permission) {
  const ids = organisationsWith(actor, permission);
  return actor.memberships.filter((m) => ids.includes(m.organisationId)).map((m) => ({ id: m.organisationId, name: m.organisationName }));
}
