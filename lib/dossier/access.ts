/**
 * Who may read and add to a car's maintenance record (docs/decisions/0025-dossier-history.md).
 *
 * - The car's current owner or authorised driver reads it (an active holding); only the owner
 *   adds their own entries. A former owner holds nothing, so the car reads as not found.
 * - Staff of a dealer or garage read it and add entries while their organisation has a live
 *   service relationship with the car: a garage through the car's AutoPaspoort whose relationship
 *   the owner has not ended (in stock too), a dealer through the current owner's holding it linked.
 *   The relationship ends with that owner's holding (lib/holdings/holdings.ts).
 * - A third way (docs/decisions/0026-appointments.md): a dealer or garage with a CONFIRMED
 *   appointment for the car, until it records the work (the appointment is then DONE) or the owner
 *   cancels it; the owner's appointments are cancelled when their holding ends.
 * Anyone else gets NOT_FOUND, never FORBIDDEN.
 */
import type { Tx } from "../server/database";
import { assertCan, organisationsWith, type Actor } from "../server/authz";
import { AppError } from "../server/errors";

/** The part of the client access needs: the transaction's or the pool's. */
type Reader = Pick<Tx, "holding" | "passport" | "appointment">;

/** The actor's organisations that may record service work; NOT_FOUND for anyone else. */
export function workshopOrganisations(actor: Actor): string[] {
  assertCan(actor, "service:record");
  return organisationsWith(actor, "service:record");
}

/** The `where` of a vehicle one of `organisationIds` services now. */
export function servicedBy(organisationIds: string[]) {
  return {
    OR: [
      { passport: { is: { garageId: { in: organisationIds }, serviceRelationshipEndedAt: null } } },
      { holdings: { some: { kind: "OWNER" as const, endedAt: null, linkedByOrganisationId: { in: organisationIds } } } },
      { appointments: { some: { organisationId: { in: organisationIds }, status: "CONFIRMED" as const } } },
    ],
  };
}

/** The actor's organisations that service the car now, in membership order; empty when none. */
export async function servicingOrganisations(client: Reader, actor: Actor, vehicleId: string): Promise<{ id: string; name: string }[]> {
  const orgIds = workshopOrganisations(actor);
  if (!orgIds.length) return [];
  const [passport, holding, appointments] = await Promise.all([
    client.passport.findFirst({ where: { vehicleId, garageId: { in: orgIds }, serviceRelationshipEndedAt: null }, select: { garageId: true } }),
    client.holding.findFirst({ where: { vehicleId, kind: "OWNER", endedAt: null, linkedByOrganisationId: { in: orgIds } }, select: { linkedByOrganisationId: true } }),
    client.appointment.findMany({ where: { vehicleId, organisationId: { in: orgIds }, status: "CONFIRMED" }, select: { organisationId: true }, distinct: ["organisationId"] }),
  ]);
  const ids = new Set([passport?.garageId, holding?.linkedByOrganisationId, ...appointments.map((a) => a.organisationId)].filter((x): x is string => !!x));
  return actor.memberships.filter((m) => ids.has(m.organisationId)).map((m) => ({ id: m.organisationId, name: m.organisationName }));
}

/**
 * The organisation the actor records for on this car: the one asked for if it services the car,
 * else the first that does. NOT_FOUND when none of theirs services it.
 */
export async function actingWorkshop(client: Reader, actor: Actor, vehicleId: string, organisationId?: string): Promise<{ id: string; name: string }> {
  const orgs = await servicingOrganisations(client, actor, vehicleId);
  const org = organisationId ? orgs.find((o) => o.id === organisationId) : orgs[0];
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}

/** The car's current owner (their user id), if it has one: to tell "the owner" from "a previous owner". */
export async function currentOwnerId(client: Reader, vehicleId: string): Promise<string | null> {
  const h = await client.holding.findFirst({ where: { vehicleId, kind: "OWNER", endedAt: null }, select: { userId: true } });
  return h?.userId ?? null;
}
