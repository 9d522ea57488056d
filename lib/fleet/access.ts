/**
 * Who sees a fleet account's cars (decision 0030): the members of that fleet account (an
 * organisation of kind FLEET, belonging to a garage), and only the passports whose fleetAccountId
 * is their organisation. Garage staff see their cars through the AutoPaspoort pages instead.
 * Anyone else (another fleet, another garage's staff, an owner, a driver) reads not found.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";

/** The actor's fleet accounts; NOT_FOUND for anyone who belongs to none. */
export function fleetAccountsOf(actor: Actor): string[] {
  assertCan(actor, "console:use");
  const ids = actor.memberships.filter((m) => m.kind === "FLEET").map((m) => m.organisationId);
  if (!ids.length) throw new AppError("NOT_FOUND");
  return ids;
}

/** Whether the actor belongs to a fleet account (for the navigation). */
export function isFleetMember(actor: Actor | null): boolean {
  return !!actor?.memberships.some((m) => m.kind === "FLEET");
}

/** The `where` of a passport the actor's fleet accounts hold. */
export function fleetPassportScope(actor: Actor) {
  return { fleetAccountId: { in: fleetAccountsOf(actor) } };
}
