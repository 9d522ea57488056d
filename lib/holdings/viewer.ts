/**
 * The viewer's live holding of a car, as its owner or authorised driver: the access check of
 * every section of the car's page (dossier, history, care, AutoPaspoort, drivers, report links).
 * Read once per server render (lib/server/request-memo.ts, docs/decisions/0044):
 * the page's sections ask for it in parallel and share one statement instead of one each.
 * Nothing outlives the request, so a holding ended a moment ago reads as ended on the next one.
 *
 * Only for reads on the pool outside a transaction: a use case checks inside its own transaction.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { memoPerRequest } from "../server/request-memo";

/**
 * The car's face (docs/decisions/0029): the name and photo are the owner's, kept on the owner's
 * holding; a driver sees those of the owner they drive through while that owner holds the car.
 */
export const FACE_SELECT = {
  photo: { select: { createdAt: true } },
  viaHolding: { select: { nickname: true, endedAt: true, photo: { select: { createdAt: true } } } },
} as const;

const VIEWER_HOLDING_SELECT = {
  id: true,
  kind: true,
  origin: true,
  startedAt: true,
  disconnectedAt: true,
  nickname: true,
  linkedByOrganisationId: true,
  ...FACE_SELECT,
} as const;

const liveHolding = memoPerRequest(async (userId: string, vehicleId: string) =>
  // OWNER sorts before DRIVER (the enum's order): the use cases never leave a user both at once,
  // and should the data ever say so, the owner's sections still find the OWNER holding.
  db.holding.findFirst({ where: { vehicleId, userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] } }, orderBy: { kind: "asc" }, select: VIEWER_HOLDING_SELECT }),
);

/**
 * The car's own facts, shared by the sections of its page in the same way. No access check of
 * its own: for a caller that has just checked the viewer's holding or service relationship.
 */
export const vehicleFacts = memoPerRequest(async (vehicleId: string) =>
  db.vehicle.findUniqueOrThrow({
    where: { id: vehicleId },
    select: { id: true, vin: true, make: true, model: true, modelYear: true, fuel: true, mileageKm: true, chargePercent: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1 } },
  }),
);

/** The actor's live OWNER or DRIVER holding of the car, or null: the car then reads as not found. */
export async function viewerHoldingOf(actor: Actor, vehicleId: string) {
  assertCan(actor, "garage:use");
  return liveHolding(actor.userId, vehicleId);
}

/** The actor's live holding of the car if they are its owner, else null. */
export async function ownerHoldingOf(actor: Actor, vehicleId: string) {
  const h = await viewerHoldingOf(actor, vehicleId);
  return h?.kind === "OWNER" ? h : null;
}
