/**
 * Taking a car back into stock (a trade-in): the car already has its AutoPaspoort (one per car for
 * life) and nobody holds it any more, because its owner removed it from their garage. Instead of a
 * second passport the existing one starts a new stock period at this garage. Called by
 * `createPassport` inside its transaction, after the plate lock and the plate checks.
 */
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { findOrCreateVehicle, type VehicleFieldsT } from "../holdings/vehicles";
import { endDriversWithoutOwner } from "../holdings/holdings";
import { lockPassport } from "./common";

export interface RestockInput {
  actor: Actor;
  garageId: string;
  fleetAccountId: string | null;
  passportId: string;
  vehicle: VehicleFieldsT;
}

/**
 * The passport row is locked first and the holders are read again under the lock, so of two
 * garages taking the same car at once one wins and the other sees the winner's stock holding
 * (`passport_exists`, as for any car with a passport that someone holds).
 *
 * What belonged to the previous sale goes: the buyer's contact details, the notes and the expected
 * delivery costs of that stock period. The car's data stays: maintenance items, service records,
 * and the transfers, which are the passport's history (`inCurrentPeriod` keeps them out of its
 * state). The previous garage's service relationship had ended with the owner; the new garage's
 * starts now, so the previous garage no longer sees the passport.
 */
export async function restockPassport(tx: Tx, input: RestockInput): Promise<{ passportId: string; vehicleId: string }> {
  await lockPassport(tx, input.passportId);
  const p = await tx.passport.findUniqueOrThrow({ where: { id: input.passportId }, select: { id: true, vehicleId: true, garageId: true } });
  const held = await tx.holding.findFirst({ where: { vehicleId: p.vehicleId, endedAt: null, kind: { in: ["OWNER", "STOCK"] } }, select: { id: true } });
  if (held) throw new AppError("CONFLICT", "passport_exists", { fieldErrors: { vin: ["passport_exists"] } });

  // The plate as typed, when it is new to this car; a plate on another car was refused before (decision 0019).
  await findOrCreateVehicle(tx, input.vehicle, { certificateChecked: false });
  const now = new Date();
  // A transfer can only be pending while the car is in stock; should one have been left over it
  // would block the next one (one pending per passport) and offer the car to an old buyer.
  await tx.passportTransfer.updateMany({ where: { passportId: p.id, status: "PENDING" }, data: { status: "CANCELLED", decidedAt: now } });
  await tx.passportCostItem.deleteMany({ where: { passportId: p.id } });
  await tx.passport.update({
    where: { id: p.id },
    data: {
      garageId: input.garageId,
      fleetAccountId: input.fleetAccountId,
      status: "IN_STOCK",
      notes: "",
      contactName: null,
      contactStreet: null,
      contactPostalCode: null,
      contactCity: null,
      contactEmail: null,
      serviceRelationshipEndedAt: null,
    },
  });
  // The new stock period starts at the database's clock, like the transfers' confirmedAt.
  await tx.$executeRaw`UPDATE "Passport" SET "activatedAt" = now() WHERE "id" = ${p.id}`;
  // Authorised drivers no owner stands behind do not drive the garage's stock car (as for a new owner, 0010).
  const drivers = await endDriversWithoutOwner(tx, {
    vehicleId: p.vehicleId,
    actor: input.actor,
    organisationId: input.garageId,
    now,
    data: { restockedPassportId: input.passportId },
  });
  await tx.holding.create({
    data: { vehicleId: p.vehicleId, kind: "STOCK", organisationId: input.garageId, origin: "STOCK", linkedByOrganisationId: input.garageId },
  });
  await audit(tx, input.actor, "passport.restocked", {
    organisationId: input.garageId,
    entityType: "Passport",
    entityId: p.id,
    vehicleId: p.vehicleId,
    data: {
      previousGarageId: p.garageId,
      plate: input.vehicle.plate ?? null,
      country: input.vehicle.plateCountry ?? null,
      fleetLinked: !!input.fleetAccountId,
      driversEnded: drivers,
    },
  });
  return { passportId: p.id, vehicleId: p.vehicleId };
}
