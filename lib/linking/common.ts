import type { Tx } from "../server/database";
import { AppError } from "../server/errors";
import { organisationsWith, type Actor, type Permission } from "../server/authz";
import type { Fuel, PlateCountry } from "../../generated/prisma/enums";
import { checkPlate } from "../vehicles/plate";

/** The organisation the actor acts for: one of theirs with the permission, or NOT_FOUND. */
export function actingOrganisation(actor: Actor, organisationId: string, permission: Permission): string {
  if (!organisationsWith(actor, permission).includes(organisationId)) throw new AppError("NOT_FOUND");
  return organisationId;
}

export interface VehicleFieldsT {
  vin: string;
  make: string;
  model: string;
  modelYear: number;
  fuel: Fuel;
  plate?: string;
  plateCountry: PlateCountry;
}

export function parsePlate(input: VehicleFieldsT): { plate: string; country: PlateCountry } | null {
  if (!input.plate) return null;
  const r = checkPlate(input.plate, input.plateCountry);
  if (!r.ok) throw new AppError("VALIDATION", "plate_invalid", { fieldErrors: { plate: ["plate_invalid"] } });
  return { plate: r.plate, country: r.country };
}

/** Serialises the transactions that give a car this plate, until the transaction ends. */
export async function lockPlate(tx: Tx, country: PlateCountry, plate: string): Promise<void> {
  // $executeRaw: the function returns void, which a query result cannot carry.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`licence-plate:${country}:${plate}`}))`;
}

/**
 * Finds the vehicle by VIN or creates it; records a plate it does not have yet. A Dutch plate
 * stays with its car for life, so one that is another car's current plate is refused (a typing
 * error in the VIN or the plate); a Belgian plate follows its owner to the next car, so it ends
 * on the previous one.
 */
export async function findOrCreateVehicle(
  tx: Tx,
  input: VehicleFieldsT,
  /** The caller's checks on the car itself (owner, stock), run before the plate is looked at: they say more. */
  guard?: (vehicleId: string) => Promise<void>,
): Promise<{ id: string; created: boolean }> {
  const plate = parsePlate(input);
  let vehicle = await tx.vehicle.findUnique({ where: { vin: input.vin }, select: { id: true } });
  let created = false;
  if (!vehicle) {
    vehicle = await tx.vehicle.create({
      data: { vin: input.vin, make: input.make, model: input.model, modelYear: input.modelYear, fuel: input.fuel },
      select: { id: true },
    });
    created = true;
  }
  if (guard) await guard(vehicle.id);
  if (plate) {
    await lockPlate(tx, plate.country, plate.plate);
    const elsewhere = await tx.licencePlate.findFirst({
      where: { plate: plate.plate, country: plate.country, validTo: null, vehicleId: { not: vehicle.id } },
      select: { id: true },
    });
    if (elsewhere && plate.country === "NL") {
      throw new AppError("CONFLICT", "plate_other_vehicle", { fieldErrors: { plate: ["plate_other_vehicle"] } });
    }
    if (elsewhere) await tx.licencePlate.update({ where: { id: elsewhere.id }, data: { validTo: new Date() } });
    const current = await tx.licencePlate.findFirst({ where: { vehicleId: vehicle.id, validTo: null }, select: { id: true, plate: true, country: true } });
    if (!current || current.plate !== plate.plate || current.country !== plate.country) {
      if (current) await tx.licencePlate.update({ where: { id: current.id }, data: { validTo: new Date() } });
      await tx.licencePlate.create({ data: { vehicleId: vehicle.id, plate: plate.plate, country: plate.country } });
    }
  }
  return { id: vehicle.id, created };
}
