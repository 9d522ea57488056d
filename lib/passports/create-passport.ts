import { actingOrganisation, type Actor } from "../server/authz";
import { AppError, type FieldErrorKey } from "../server/errors";
import { audit } from "../server/audit";
import { checkPlate, type PlateCountry } from "../server/plate";
import { checkVin } from "../server/vin";
import { findOrCreateVehicle, lockPlate, lockVehicle } from "../holdings/vehicles";
import { endDriversWithoutOwner } from "../holdings/holdings";
import { isSerializationFailure, isUniqueViolation } from "../server/db-errors";
import { staffGarages } from "./common";
import { restockPassport } from "./restock-passport";
import type { CreatePassportInputT } from "./schemas";
import { transaction } from "../server/transaction";

export interface CreatePassportInput {
  actor: Actor;
  garageId: string;
  /** As typed: dashes and spaces optional, any case. */
  plate: string;
  plateCountry?: PlateCountry;
  vin: string;
  make: string;
  model: string;
  modelYear: number;
  fuel?: CreatePassportInputT["fuel"];
  fleetAccountId?: string;
}

const field = (name: string, key: FieldErrorKey) => ({ fieldErrors: { [name]: [key] } });

/**
 * Flow 6: garage staff create an AutoPaspoort for a stock car by its licence plate. The garage
 * holds the car (a STOCK holding) and the passport is active at once; optionally it is linked to
 * one of the garage's fleet accounts. A car that has an owner or is in another holder's stock
 * cannot get one: the message says which. A car whose passport nobody holds any more (its owner
 * removed it, e.g. a trade-in) is taken back into stock with that passport (`restocked`).
 * A plate that is another car's current plate is refused, Belgian or Dutch: a passport proves
 * nothing about plates (decision 0019). Authorised drivers no owner stands behind lose access, as when the
 * car is taken back into stock: a garage's stock car and its internal passport are not theirs.
 */
export async function createPassport(input: CreatePassportInput): Promise<{ passportId: string; vehicleId: string; restocked: boolean }> {
  staffGarages(input.actor);
  const garageId = actingOrganisation(input.actor, input.garageId, "passports:manage");
  const plate = checkPlate(input.plate, input.plateCountry ?? "NL");
  if (!plate.ok) throw new AppError("VALIDATION", plate.error, field("plate", plate.error));
  const vin = checkVin(input.vin);
  if (!vin.ok) throw new AppError("VALIDATION", vin.error, field("vin", vin.error));

  try {
    return await transaction(async (tx) => {
      if (input.fleetAccountId) {
        const fleet = await tx.organisation.findFirst({ where: { id: input.fleetAccountId, kind: "FLEET", parentId: garageId }, select: { id: true } });
        if (!fleet) throw new AppError("VALIDATION", "fleet_invalid", field("fleetAccountId", "fleet_invalid"));
      }
      // One current plate, one car: creations with the same plate run one after the other (a
      // transaction-level advisory lock on the plate, released at commit), so the second sees
      // the first's plate below. The schema has no unique index on current plates.
      await lockPlate(tx, plate.country, plate.plate);
      // The plate may already be on another car (a typing error in the VIN, or a known car).
      const plateOwner = await tx.licencePlate.findFirst({
        where: { plate: plate.plate, country: plate.country, validTo: null, vehicle: { vin: { not: vin.vin } } },
        select: { vehicle: { select: { passport: { select: { id: true } } } } },
      });
      if (plateOwner?.vehicle.passport) throw new AppError("CONFLICT", "passport_exists_plate", field("plate", "passport_exists_plate"));
      const otherCar = plate.country === "BE" ? "plate_other_vehicle_be" : "plate_other_vehicle";
      if (plateOwner) throw new AppError("CONFLICT", otherCar, field("plate", otherCar));

      // Who holds the car is decided under its lock (after the plate's): an acceptance of an
      // invitation, a removal or another garage's creation at the same moment waits, or is waited for.
      const existing = await tx.vehicle.findUnique({ where: { vin: vin.vin }, select: { id: true } });
      if (existing) await lockVehicle(tx, existing.id);

      const known = await tx.vehicle.findUnique({
        where: { vin: vin.vin },
        select: {
          passport: { select: { id: true } },
          holdings: { where: { endedAt: null, kind: { in: ["OWNER", "STOCK"] } }, select: { kind: true } },
        },
      });
      if (known?.passport && known.holdings.length) throw new AppError("CONFLICT", "passport_exists", field("vin", "passport_exists"));
      const vehicleFields = {
        vin: vin.vin,
        make: input.make,
        model: input.model,
        modelYear: input.modelYear,
        fuel: input.fuel ?? "PETROL",
        plate: plate.plate,
        plateCountry: plate.country,
      };
      if (known?.passport) {
        const r = await restockPassport(tx, { actor: input.actor, garageId, fleetAccountId: input.fleetAccountId ?? null, passportId: known.passport.id, vehicle: vehicleFields });
        return { ...r, restocked: true };
      }
      if (known?.holdings.some((h) => h.kind === "OWNER")) throw new AppError("CONFLICT", "vehicle_has_owner_passport", field("vin", "vehicle_has_owner_passport"));
      if (known?.holdings.some((h) => h.kind === "STOCK")) throw new AppError("CONFLICT", "vehicle_in_stock_elsewhere", field("vin", "vehicle_in_stock_elsewhere"));

      const vehicle = await findOrCreateVehicle(tx, vehicleFields, { certificateChecked: false });
      // Authorised drivers no owner stands behind do not drive the garage's stock car (0010).
      const driversEnded = vehicle.created
        ? 0
        : await endDriversWithoutOwner(tx, { vehicleId: vehicle.id, actor: input.actor, organisationId: garageId, now: new Date(), data: { stockedByOrganisationId: garageId } });
      await tx.holding.create({
        data: { vehicleId: vehicle.id, kind: "STOCK", organisationId: garageId, origin: "STOCK", linkedByOrganisationId: garageId },
      });
      const passport = await tx.passport.create({
        data: { vehicleId: vehicle.id, garageId, fleetAccountId: input.fleetAccountId ?? null, createdById: input.actor.userId },
        select: { id: true },
      });
      await audit(tx, input.actor, "passport.created", {
        organisationId: garageId,
        entityType: "Passport",
        entityId: passport.id,
        vehicleId: vehicle.id,
        data: { plate: plate.plate, country: plate.country, fleetLinked: !!input.fleetAccountId, vehicleCreated: vehicle.created, driversEnded },
      });
      return { passportId: passport.id, vehicleId: vehicle.id, restocked: false };
    });
  } catch (e) {
    // Two staff creating (or re-stocking) a passport for the same car at once: one wins.
    if ((isUniqueViolation(e) || isSerializationFailure(e)) && !(e instanceof AppError)) throw new AppError("CONFLICT", "passport_exists", field("vin", "passport_exists"));
    throw e;
  }
}
