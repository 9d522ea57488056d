/**
 * The car itself, shared by every flow that links or stocks one: found by VIN or created, locked
 * for the change of who holds it, with its licence plate recorded under a lock (one current
 * Dutch plate per car, for life; a Belgian plate moves to another car only on documents).
 */
import type { Tx } from "../server/database";
import type { Fuel, PlateCountry } from "../../generated/prisma/enums";

export type { Fuel };
import { AppError } from "../server/errors";
import { checkPlate } from "../server/plate";

/** The car as recorded: what e-mails and pages name, whatever was typed for a known VIN. */
export interface RecordedVehicle {
  id: string;
  make: string;
  model: string;
  modelYear: number;
  fuel: Fuel;
}

/**
 * A car as a form describes it. Make, model, year and fuel describe a new car only: a known VIN
 * keeps its recorded details (they are needed, and checked, only when the car is created).
 */
export interface VehicleFieldsT {
  vin: string;
  make?: string;
  model?: string;
  modelYear?: number;
  fuel?: Fuel;
  plate?: string;
  plateCountry: PlateCountry;
}

export interface FindOrCreateOptions {
  /**
   * Staff checked the car's registration certificate (desk verification, approved
   * self-registration). Only then does a Belgian plate that is another car's current plate move
   * to this car; an invitation or an AutoPaspoort never moves one (decision 0019).
   */
  certificateChecked: boolean;
  /** The caller's checks on the car itself (owner, stock), run under the car's lock and before the plate is looked at: they say more. */
  guard?: (vehicleId: string) => Promise<void>;
}

export function parsePlate(input: Pick<VehicleFieldsT, "plate" | "plateCountry">): { plate: string; country: PlateCountry } | null {
  if (!input.plate) return null;
  const r = checkPlate(input.plate, input.plateCountry);
  if (!r.ok) throw new AppError("VALIDATION", r.error, { fieldErrors: { plate: [r.error] } });
  return { plate: r.plate, country: r.country };
}

/** Serialises the transactions that give a car this plate, until the transaction ends. */
export async function lockPlate(tx: Tx, country: PlateCountry, plate: string): Promise<void> {
  // $executeRaw: the function returns void, which a query result cannot carry.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`licence-plate:${country}:${plate}`}))`;
}

/**
 * Serialises every change of who holds the car (row lock on the vehicle until the transaction
 * ends): starting or ending an owner's holding, a driver's link, a garage's stock holding, a
 * removal, an acceptance. Taken before reading the holdings a decision rests on, so of two such
 * changes the second decides on what the first committed. Order: a plate lock before this one,
 * this one before a passport's (lib/passports/common.ts lockPassport). The database checks the
 * same under the same lock (migration *_holding_consistency).
 */
export async function lockVehicle(tx: Tx, vehicleId: string): Promise<void> {
  // A row lock lasts until the transaction ends, so a second call for the same car in the same
  // transaction (a use case, then the shared move it calls) has nothing to add and sends nothing.
  // This holds because nothing here rolls back to a savepoint on the same client: a raw SAVEPOINT
  // on `tx` would break it (a nested `tx.$transaction` gets a client of its own, so it would not).
  const held = lockedVehicles.get(tx);
  if (held?.has(vehicleId)) return;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Vehicle" WHERE "id" = ${vehicleId} FOR UPDATE`;
  if (rows.length) lockedVehicles.set(tx, (held ?? new Set<string>()).add(vehicleId));
}

/** The cars each open transaction has locked (the transaction client is one object per transaction). */
const lockedVehicles = new WeakMap<Tx, Set<string>>();

/** The details a new car needs; a missing one is refused on its field. */
function newCarDetails(input: VehicleFieldsT) {
  const missing = (["make", "model", "modelYear"] as const).filter((f) => input[f] === undefined || input[f] === "");
  if (missing.length) throw new AppError("VALIDATION", "vehicle_details_required", { fieldErrors: Object.fromEntries(missing.map((f) => [f, ["required"]])) });
  return { make: input.make!, model: input.model!, modelYear: input.modelYear!, fuel: input.fuel ?? "PETROL" };
}

const RECORDED = { id: true, make: true, model: true, modelYear: true, fuel: true } as const;

/**
 * Finds the vehicle by VIN or creates it, locks it, runs the caller's guard, and records a plate
 * it does not have yet. A known VIN keeps its recorded make, model, year and fuel: what was typed
 * is ignored, and the returned car is the recorded one (name it in e-mails). A Dutch plate stays
 * with its car for life, so one that is another car's current plate is refused (a typing error in
 * the VIN or the plate). A Belgian plate follows its owner to the next car, but only documents
 * prove that it did: with `certificateChecked` it ends on the previous car, otherwise it is
 * refused like a Dutch one (the plate is added when the owner's registration is verified).
 */
export async function findOrCreateVehicle(tx: Tx, input: VehicleFieldsT, options: FindOrCreateOptions): Promise<RecordedVehicle & { created: boolean }> {
  const plate = parsePlate(input);
  // A plate lock before the car's lock, as in every flow (no lock-order deadlocks).
  if (plate) await lockPlate(tx, plate.country, plate.plate);
  let vehicle = await tx.vehicle.findUnique({ where: { vin: input.vin }, select: RECORDED });
  let created = false;
  if (!vehicle) {
    vehicle = await tx.vehicle.create({ data: { vin: input.vin, ...newCarDetails(input) }, select: RECORDED });
    created = true;
  }
  await lockVehicle(tx, vehicle.id);
  if (options.guard) await options.guard(vehicle.id);
  if (plate) {
    const elsewhere = await tx.licencePlate.findFirst({
      where: { plate: plate.plate, country: plate.country, validTo: null, vehicleId: { not: vehicle.id } },
      select: { id: true },
    });
    if (elsewhere && plate.country === "NL") {
      throw new AppError("CONFLICT", "plate_other_vehicle", { fieldErrors: { plate: ["plate_other_vehicle"] } });
    }
    if (elsewhere && !options.certificateChecked) {
      throw new AppError("CONFLICT", "plate_other_vehicle_be", { fieldErrors: { plate: ["plate_other_vehicle_be"] } });
    }
    if (elsewhere) await tx.licencePlate.update({ where: { id: elsewhere.id }, data: { validTo: new Date() } });
    const current = await tx.licencePlate.findFirst({ where: { vehicleId: vehicle.id, validTo: null }, select: { id: true, plate: true, country: true } });
    if (!current || current.plate !== plate.plate || current.country !== plate.country) {
      if (current) await tx.licencePlate.update({ where: { id: current.id }, data: { validTo: new Date() } });
      await tx.licencePlate.create({ data: { vehicleId: vehicle.id, plate: plate.plate, country: plate.country } });
    }
  }
  return { ...vehicle, created };
}

