import { can, type Actor } from "../server/authz";

/** Platform admins manage every organisation; an organisation's own admins manage theirs. */
export function managedOrganisations(actor: Actor) {
  if (can(actor, "organisations:manage")) return {};
  return { id: { in: actor.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organisationId) } };
}
