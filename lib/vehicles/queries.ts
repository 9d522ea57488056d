import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import type { HoldingKind, PlateCountry } from "../../generated/prisma/enums";
import { contractSummary, type ContractSummary } from "./contract-summary";
import { FACE_SELECT, vehicleFacts, viewerHoldingOf } from "../holdings/viewer";

/** How a user holds a car: as its owner or as an authorised driver (stock is an organisation's). */
type UserHoldingKind = Exclude<HoldingKind, "STOCK">;

/** The `where` that makes a vehicle visible to its current owner or authorised driver only. */
export function vehicleHeldBy(actor: Actor) {
  return { holdings: { some: { userId: actor.userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] satisfies UserHoldingKind[] } } } };
}

export interface GarageVehicle {
  id: string;
  make: string;
  model: string;
  modelYear: number;
  vin: string;
  plate: string | null;
  plateCountry: PlateCountry | null;
  /** The owner's name for the car (a driver sees the owner's), if any. */
  nickname: string | null;
  /** The photo's version (its time), or null when the car has none. */
  photoVersion: number | null;
  relationship: UserHoldingKind;
  disconnected: boolean;
  activeContracts: number;
  nextContractEnd: Date | null;
  /** What the card says about them: how many, and which ends first. */
  contracts: ContractSummary;
}

/** The car's face of a holding read with FACE_SELECT (lib/holdings/viewer.ts). */
function faceOf(h: { kind: string; nickname: string | null; photo: { createdAt: Date } | null; viaHolding: { nickname: string | null; endedAt: Date | null; photo: { createdAt: Date } | null } | null }) {
  const source = h.kind === "OWNER" ? h : h.viaHolding && !h.viaHolding.endedAt ? h.viaHolding : null;
  return { nickname: source?.nickname ?? null, photoVersion: source?.photo?.createdAt.getTime() ?? null };
}

/** The owner's garage: the cars they hold now. */
export async function listGarage(actor: Actor): Promise<GarageVehicle[]> {
  assertCan(actor, "garage:use");
  const holdings = await db.holding.findMany({
    where: { userId: actor.userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] } },
    orderBy: { startedAt: "desc" },
    take: 100,
    select: {
      kind: true,
      nickname: true,
      disconnectedAt: true,
      ...FACE_SELECT,
      // The contracts of this holding: an owner's own, none for an authorised driver (as in the dossier).
      contracts: { where: { status: "ACTIVE" }, select: { product: true, endsAt: true }, orderBy: { endsAt: "asc" } },
      vehicle: {
        select: {
          id: true,
          make: true,
          model: true,
          modelYear: true,
          vin: true,
          plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1, orderBy: { validFrom: "desc" } },
        },
      },
    },
  });
  return holdings.map((h) => ({
    id: h.vehicle.id,
    make: h.vehicle.make,
    model: h.vehicle.model,
    modelYear: h.vehicle.modelYear,
    vin: h.vehicle.vin,
    plate: h.vehicle.plates[0]?.plate ?? null,
    plateCountry: h.vehicle.plates[0]?.country ?? null,
    ...faceOf(h),
    relationship: h.kind as UserHoldingKind, // the query reads OWNER and DRIVER holdings only
    disconnected: !!h.disconnectedAt,
    activeContracts: h.contracts.length,
    nextContractEnd: h.contracts[0]?.endsAt ?? null,
    contracts: contractSummary(h.contracts),
  }));
}

/** A car's dossier as its current owner or authorised driver may see it; null reads as not found. */
export async function getVehicleDossier(actor: Actor, vehicleId: string) {
  const holding = await viewerHoldingOf(actor, vehicleId);
  if (!holding) return null;
  const face = faceOf(holding);
  const isOwner = holding.kind === "OWNER";
  // Every driver holding through this owner's, ended ones too: the live ones are the drivers, and
  // all of them name the driver events the owner's trail shows (one query for both).
  const through = isOwner
    ? db.holding.findMany({ where: { viaHoldingId: holding.id }, select: { id: true, endedAt: true, user: { select: { firstName: true, lastName: true, email: true } } } })
    : Promise.resolve([]);
  const [vehicle, contracts, drivers, history] = await Promise.all([
    vehicleFacts(vehicleId),
    isOwner
      ? db.contract.findMany({
          where: { holdingId: holding.id },
          orderBy: [{ status: "asc" }, { endsAt: "asc" }],
          select: { id: true, product: true, startsAt: true, endsAt: true, autoRenew: true, status: true, cancelledAt: true },
        })
      : Promise.resolve([]),
    through.then((all) => all.filter((d) => d.endedAt === null).map((d) => ({ id: d.id, user: d.user }))),
    // The maintenance record and mileage: lib/dossier/queries.ts.
    // What happened to this user's link with the car, and who did it: never another owner's entries.
    // An owner also sees the linking of the authorised drivers who drive through their holding.
    through.then((through) =>
      db.auditLog.findMany({
        where: {
          vehicleId,
          at: { gte: holding.startedAt },
          OR: [
            { subjectUserId: actor.userId },
            ...(through.length ? [{ action: { in: ["vehicle.driver_linked", "driver.joined", "driver.left"] }, entityType: "Holding", entityId: { in: through.map((d) => d.id) } }] : []),
          ],
        },
        orderBy: { at: "desc" },
        take: 50,
        select: { id: true, at: true, action: true, actorUserId: true, actorRole: true, actorOrganisationId: true, subjectUserId: true, data: true },
      }),
    ),
  ]);
  const linkedByOf = (data: unknown) => {
    const d = (data ?? {}) as Record<string, unknown>;
    return typeof d.linkedBy === "string" ? d.linkedBy : null;
  };
  // The organisations the trail names and the one that linked this holding: one read.
  const orgIds = [...new Set([holding.linkedByOrganisationId, ...history.flatMap((h) => [h.actorOrganisationId, linkedByOf(h.data)])].filter((x): x is string => !!x))];
  const orgs = orgIds.length ? await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [];
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    vehicle: { ...vehicle, plate: vehicle.plates[0]?.plate ?? null, plateCountry: vehicle.plates[0]?.country ?? null },
    holding: { id: holding.id, kind: holding.kind, startedAt: holding.startedAt, origin: holding.origin, disconnectedAt: holding.disconnectedAt, linkedBy: holding.linkedByOrganisationId ? (orgName.get(holding.linkedByOrganisationId) ?? null) : null, ...face },
    isOwner,
    contracts,
    drivers,
    history: history.map((h) => {
      const data = (h.data ?? {}) as Record<string, unknown>;
      // Who acted: this user ("You": e.g. the buyer who accepted an invitation, although the row
      // names the inviting dealer), else the organisation they acted for, else their role alone.
      const byYou = h.actorUserId === actor.userId;
      const linkedBy = linkedByOf(h.data);
      return {
        id: h.id,
        at: h.at,
        // Another user's entry here is an authorised driver added to this owner's car.
        // (or, for an invited driver who stopped, their leaving).
        action: h.subjectUserId === actor.userId || h.action === "driver.left" ? h.action : "vehicle.driver_added",
        byYou,
        actorRole: h.actorRole,
        organisation: !byYou && h.actorOrganisationId ? (orgName.get(h.actorOrganisationId) ?? null) : null,
        // An accepted invitation also names who invited: the dealer and its staff member's role.
        invitedBy:
          h.action === "invitation.accepted" && linkedBy
            ? { organisation: orgName.get(linkedBy) ?? null, role: typeof data.linkedByRole === "string" ? data.linkedByRole : null }
            : null,
      };
    }),
  };
}

/** What removing the car would end: shown before the owner confirms. */
export async function getRemovalPreview(actor: Actor, vehicleId: string) {
  assertCan(actor, "garage:use");
  const holding = await db.holding.findFirst({
    where: { vehicleId, userId: actor.userId, endedAt: null, kind: "OWNER" },
    select: {
      id: true,
      vehicle: { select: { id: true, make: true, model: true, modelYear: true, vin: true } },
      contracts: { where: { status: { in: ["ACTIVE", "PENDING"] } }, select: { id: true, product: true, endsAt: true, autoRenew: true } },
      drivers: { where: { endedAt: null }, select: { id: true, user: { select: { firstName: true, lastName: true, email: true } } } },
    },
  });
  return holding;
}
