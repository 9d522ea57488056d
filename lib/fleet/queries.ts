/**
 * Server-only reads of the fleet console and of the garage's unlink requests, scoped to the actor:
 * another fleet's car, another garage's request reads as not found (null / absent).
 */
import { db } from "../server/db";
import type { Actor } from "../server/authz";
import { totalCents } from "../passports/amount";
import { staffGarages } from "../passports/common";
import { currentPlate } from "../passports/queries/current-plate";
import { buildHistory, loadEntries } from "../dossier/history";
import { fleetAccountsOf, fleetPassportScope } from "./access";

/** The fleet's cars: the passports linked to the actor's fleet accounts, newest first. */
export async function listFleetCars(actor: Actor) {
  const rows = await db.passport.findMany({
    where: fleetPassportScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      status: true,
      fleetAccount: { select: { name: true } },
      garage: { select: { name: true } },
      vehicle: { select: { make: true, model: true, modelYear: true, mileageKm: true, plates: currentPlate } },
      costItems: { select: { amountCents: true } },
      maintenanceItems: { where: { doneAt: null }, select: { id: true } },
      unlinkRequests: { where: { status: "OPEN" }, select: { id: true }, take: 1 },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    status: p.status,
    fleet: p.fleetAccount?.name ?? "",
    garage: p.garage.name,
    vehicle: { make: p.vehicle.make, model: p.vehicle.model, modelYear: p.vehicle.modelYear, mileageKm: p.vehicle.mileageKm },
    plate: p.vehicle.plates[0] ?? null,
    totalCents: totalCents(p.costItems),
    openMaintenance: p.maintenanceItems.length,
    unlinkRequested: p.unlinkRequests.length > 0,
  }));
}

/**
 * One of the fleet's cars, read-only: its passport's status, costs and maintenance, the car's
 * service history as any later holder reads it (workshops named, no owner's name, no attachment),
 * and the fleet's unlink requests for it. Not the garage's notes, contact details or transfers.
 */
export async function getFleetCar(actor: Actor, passportId: string) {
  const p = await db.passport.findFirst({
    where: { id: passportId, ...fleetPassportScope(actor) },
    select: {
      id: true,
      status: true,
      activatedAt: true,
      vehicleId: true,
      fleetAccountId: true,
      fleetAccount: { select: { name: true } },
      garage: { select: { name: true } },
      vehicle: { select: { vin: true, make: true, model: true, modelYear: true, fuel: true, mileageKm: true, plates: currentPlate } },
      costItems: { orderBy: { createdAt: "asc" }, select: { id: true, description: true, amountCents: true } },
      maintenanceItems: { orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, description: true, dueAt: true, doneAt: true } },
    },
  });
  if (!p?.fleetAccountId) return null;
  const [rows, requests] = await Promise.all([
    loadEntries(db, p.vehicleId),
    db.fleetUnlinkRequest.findMany({
      // The fleet's own requests about this car (a request of another fleet that held it before is not theirs).
      where: { passportId: p.id, fleetAccountId: { in: fleetAccountsOf(actor) } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, status: true, reason: true, declineReason: true, createdAt: true, decidedAt: true },
    }),
  ]);
  // No viewer of their own: every owner's entry reads "a previous owner", nothing is correctable.
  const history = buildHistory(rows, { userId: null, ownerId: null, organisationIds: [], isOwner: false });
  return {
    ...p,
    plate: p.vehicle.plates[0] ?? null,
    totalCents: totalCents(p.costItems),
    history,
    requests,
    openRequest: requests.find((r) => r.status === "OPEN") ?? null,
  };
}

export type FleetCar = NonNullable<Awaited<ReturnType<typeof getFleetCar>>>;

/** The unlink requests the actor's garages have to answer (open, oldest first), and the last answered ones. */
export async function listUnlinkRequests(actor: Actor) {
  const garages = staffGarages(actor);
  const select = {
    id: true,
    status: true,
    reason: true,
    declineReason: true,
    createdAt: true,
    decidedAt: true,
    passportId: true,
    fleetAccount: { select: { name: true } },
    garage: { select: { name: true } },
    requestedBy: { select: { firstName: true, lastName: true } },
    passport: { select: { vehicle: { select: { make: true, model: true, plates: currentPlate } } } },
  } as const;
  const [open, answered] = await Promise.all([
    db.fleetUnlinkRequest.findMany({ where: { garageId: { in: garages }, status: "OPEN" }, orderBy: { createdAt: "asc" }, take: 100, select }),
    db.fleetUnlinkRequest.findMany({ where: { garageId: { in: garages }, status: { not: "OPEN" } }, orderBy: { decidedAt: "desc" }, take: 20, select }),
  ]);
  const dto = (r: (typeof open)[number]) => ({
    id: r.id,
    status: r.status,
    reason: r.reason,
    declineReason: r.declineReason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    passportId: r.passportId,
    fleet: r.fleetAccount.name,
    garage: r.garage.name,
    requestedBy: r.requestedBy ? `${r.requestedBy.firstName} ${r.requestedBy.lastName}`.trim() : null,
    car: `${r.passport.vehicle.make} ${r.passport.vehicle.model}`,
    plate: r.passport.vehicle.plates[0] ?? null,
  });
  return { open: open.map(dto), answered: answered.map(dto) };
}
