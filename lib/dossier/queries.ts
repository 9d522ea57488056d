/**
 * Server-only reads of the car dossier's history for pages, scoped to the actor: a car the actor
 * may not see reads as not found (null), as in lib/dossier/access.ts.
 */
import { db } from "../server/db";
import type { Actor } from "../server/authz";
import { currentOwnerId, servicedBy, servicingOrganisations, workshopOrganisations } from "./access";
import { viewerHoldingOf } from "../holdings/viewer";
import { buildHistory, loadEntries, type CarHistory } from "./history";
import { attachmentsByEntry } from "./attachments";

/** The history with the attachments the viewer may read on their entries. */
function withAttachments<H extends CarHistory>(h: H, attachments: Map<string, CarHistory["entries"][number]["attachments"]>): H {
  return { ...h, entries: h.entries.map((e) => ({ ...e, attachments: attachments.get(e.id) ?? [] })) };
}

/** The car's history as its current owner or authorised driver sees it; null for anyone else. */
export async function getOwnerCarHistory(actor: Actor, vehicleId: string): Promise<(CarHistory & { isOwner: boolean }) | null> {
  const holding = await viewerHoldingOf(actor, vehicleId);
  if (!holding) return null;
  const isOwner = holding.kind === "OWNER";
  // The viewer's own OWNER holding is the car's one live owner holding: no need to look it up.
  const [rows, ownerId, attachments] = await Promise.all([loadEntries(db, vehicleId), isOwner ? actor.userId : currentOwnerId(db, vehicleId), attachmentsByEntry(actor, vehicleId)]);
  return { ...withAttachments(buildHistory(rows, { userId: actor.userId, ownerId, organisationIds: [], isOwner }), attachments), isOwner };
}

const PLATE = { where: { validTo: null }, select: { plate: true, country: true }, orderBy: { validFrom: "desc" }, take: 1 } as const;

/** A car one of the actor's organisations services, with its history; null otherwise. */
export async function getWorkshopCar(actor: Actor, vehicleId: string) {
  const organisations = await servicingOrganisations(db, actor, vehicleId);
  if (!organisations.length) return null;
  const [vehicle, rows, ownerId, attachments] = await Promise.all([
    db.vehicle.findUniqueOrThrow({ where: { id: vehicleId }, select: { id: true, vin: true, make: true, model: true, modelYear: true, fuel: true, plates: PLATE } }),
    loadEntries(db, vehicleId),
    currentOwnerId(db, vehicleId),
    attachmentsByEntry(actor, vehicleId),
  ]);
  const history = withAttachments(buildHistory(rows, { userId: null, ownerId, organisationIds: organisations.map((o) => o.id), isOwner: false }), attachments);
  return { vehicle: { ...vehicle, plate: vehicle.plates[0] ?? null }, organisations, ...history };
}

export type WorkshopCar = NonNullable<Awaited<ReturnType<typeof getWorkshopCar>>>;

/**
 * The cars the actor's organisations service, found by plate or VIN (a part of either, spaces
 * and dashes ignored); the most recent first. Only cars with a live service relationship.
 */
export async function findServicedCars(actor: Actor, q = "") {
  const orgIds = workshopOrganisations(actor);
  if (!orgIds.length) return [];
  const term = q.trim().toUpperCase().replace(/[\s-]/g, "").slice(0, 40);
  const rows = await db.vehicle.findMany({
    where: {
      AND: [servicedBy(orgIds), ...(term ? [{ OR: [{ vin: { contains: term } }, { plates: { some: { plate: { contains: term }, validTo: null } } }] }] : [])],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: { id: true, vin: true, make: true, model: true, modelYear: true, mileageKm: true, plates: PLATE },
  });
  return rows.map(({ plates, ...v }) => ({ ...v, plate: plates[0] ?? null }));
}
