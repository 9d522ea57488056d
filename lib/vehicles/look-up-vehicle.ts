/**
 * Fills in a staff form's car from what was typed so far: make, model, year and fuel from the
 * RDW's open data for a Dutch plate, the make from a VIN's manufacturer code, and a warning when
 * the two makes disagree. Staff of a dealer or a garage, for an organisation of theirs, and
 * the reviewers of verification requests (support, a chosen dealer) without one (anyone else:
 * NOT_FOUND). Never fails for the RDW's sake: without an answer the form stays
 * manual, silently. Reads and writes nothing of ours.
 */
import { env } from "../server/env";
import { AppError } from "../server/errors";
import { can, organisationsWith, type Actor } from "../server/authz";
import { checkPlate, type PlateCountry } from "../server/plate";
import { checkVin } from "../server/vin";
import { log } from "../server/log";
import { rdwVehicle, type RdwVehicle } from "./rdw";
import { makeFromVin, vinMakeMismatch } from "./wmi";

export interface LookUpVehicleResult {
  /** From the RDW for a valid Dutch plate, else null (unknown plate, no answer, not Dutch). */
  registered: RdwVehicle | null;
  /** From a complete, valid VIN's manufacturer code, when the table knows it. */
  vinMake: string | null;
  mismatch: { wmi: string; vinMake: string; plateMake: string } | null;
}

/** The forms that type a car: a dealer's invitations and desk, a garage's AutoPaspoorts. */
const MAY_LOOK_UP = ["vehicles:link", "passports:manage"] as const;

/**
 * Answers of the RDW (public vehicle data, nothing personal) by plate, for a day: the same plate
 * is typed again when a form comes back with an error. Least recently used out first.
 */
const CACHE_SIZE = 500;
const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const cache = new Map<string, { at: number; value: RdwVehicle | null }>();

async function registered(plate: string): Promise<RdwVehicle | null> {
  const baseUrl = env.RDW_API_URL;
  if (baseUrl === "off") return null;
  const key = `${baseUrl}|${plate}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value;
  }
  const started = Date.now();
  const value = await rdwVehicle(plate, { baseUrl });
  // Only a found car is kept: a miss may be a network failure, worth asking again next time.
  if (value) {
    cache.set(key, { at: Date.now(), value });
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  } else {
    log.debug({ ms: Date.now() - started }, "rdw lookup gave no car");
  }
  return value;
}

export async function lookUpVehicle(input: { actor: Actor; organisationId?: string; plate?: string; plateCountry?: PlateCountry; vin?: string }): Promise<LookUpVehicleResult> {
  const { actor, organisationId } = input;
  // The review form of a verification request names no organisation: support reviews for the
  // platform. The answer is public vehicle data; the check keeps it a tool of staff.
  const may = organisationId ? MAY_LOOK_UP.some((p) => organisationsWith(actor, p).includes(organisationId)) : can(actor, "verification:review");
  if (!may) throw new AppError("NOT_FOUND");
  const plate = input.plate && (input.plateCountry ?? "NL") === "NL" ? checkPlate(input.plate, "NL") : null;
  const vin = input.vin ? checkVin(input.vin) : null;
  const car = plate?.ok ? await registered(plate.plate) : null;
  const vinOk = vin?.ok ? vin.vin : null;
  return {
    registered: car,
    vinMake: vinOk ? (makeFromVin(vinOk)?.make ?? null) : null,
    mismatch: vinOk ? vinMakeMismatch(vinOk, car?.make) : null,
  };
}

/** Empties the cache (tests). */
export function clearLookUpCache(): void {
  cache.clear();
}
