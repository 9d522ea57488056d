/**
 * The RDW's open vehicle data by licence plate (kenteken): make, model, year of first admission
 * and fuel of a Dutch car, for filling in a form. Public data, nothing personal.
 *
 * Datasets (Socrata, https://opendata.rdw.nl): "Open Data RDW: Gekentekende_voertuigen"
 * (`m9d7-ebf2`: merk, handelsbenaming, datum_eerste_toelating as yyyymmdd) and
 * "Open Data RDW: Gekentekende_voertuigen_brandstof" (`8ys7-d773`: one row per fuel,
 * brandstof_omschrijving, klasse_hybride_elektrisch_voertuig). Both are queried by
 * `?kenteken=GZ231K` (upper case, no dashes) and answer a JSON array, empty for an unknown plate.
 *
 * Never throws: an unknown plate, an error status, a body that is not the expected JSON, a
 * refused connection or no answer within the timeout all give null, and the form stays as typed.
 */
import type { Fuel } from "../../generated/prisma/enums";
import { displayMake, makeKey } from "./wmi";

export interface RdwVehicle {
  make: string;
  model: string;
  /** The year of first admission (datum_eerste_toelating), which forms ask as the model year. */
  modelYear: number | null;
  /** Null when the fuel dataset gave no answer. */
  fuel: Fuel | null;
}

export interface RdwOptions {
  /** e.g. https://opendata.rdw.nl (RDW_API_URL); tests point it at a server replaying recorded answers. */
  baseUrl: string;
  /** For both requests together; a form waits no longer than this. */
  timeoutMs?: number;
}

export const RDW_TIMEOUT_MS = 2500;
export const RDW_VEHICLES = "m9d7-ebf2";
export const RDW_FUELS = "8ys7-d773";

type Row = Record<string, unknown>;

async function rows(base: string, dataset: string, plate: string, signal: AbortSignal): Promise<Row[] | null> {
  const url = `${base.replace(/\/+$/, "")}/resource/${dataset}.json?kenteken=${encodeURIComponent(plate)}`;
  const res = await fetch(url, { signal, headers: { accept: "application/json" }, redirect: "error" });
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  const body: unknown = await res.json();
  return Array.isArray(body) ? body.filter((r): r is Row => typeof r === "object" && r !== null) : null;
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

/** "20190315" → 2019; anything else null. */
export function yearOf(date: unknown): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text(date));
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1900 && year <= 2100 ? year : null;
}

/**
 * The fuel of the form from the fuel rows: a plug-in hybrid is class OVC-HEV (chargeable from the
 * grid), another hybrid NOVC-HEV, or petrol or diesel together with electricity.
 */
export function fuelOf(fuelRows: readonly Row[]): Fuel | null {
  const kinds = new Set(fuelRows.map((r) => text(r.brandstof_omschrijving).toLowerCase()).filter(Boolean));
  if (!kinds.size) return null;
  const hybridClass = fuelRows.map((r) => text(r.klasse_hybride_elektrisch_voertuig).toUpperCase()).find(Boolean);
  if (hybridClass === "OVC-HEV") return "PLUGIN_HYBRID";
  if (hybridClass === "NOVC-HEV") return "HYBRID";
  const electric = kinds.has("elektriciteit");
  const combustion = kinds.has("benzine") || kinds.has("diesel");
  if (electric && combustion) return "HYBRID";
  if (electric && kinds.size === 1) return "ELECTRIC";
  if (kinds.size === 1 && kinds.has("benzine")) return "PETROL";
  if (kinds.size === 1 && kinds.has("diesel")) return "DIESEL";
  return "OTHER";
}

/** "GOLF" → "Golf", "MODEL 3" → "Model 3"; "ID.3", "GTI" and "500X" as they are; the make repeated in front is dropped. */
export function displayModel(model: string, make: string): string {
  const words = model.trim().split(/\s+/).filter(Boolean);
  const key = makeKey(make);
  while (words.length > 1 && makeKey(words[0]) === key) words.shift();
  return words.map((w) => (/^[A-Z]{4,}$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w)).join(" ");
}

/** The car registered under a Dutch plate (stored form, e.g. "GZ231K"), or null. */
export async function rdwVehicle(plate: string, { baseUrl, timeoutMs = RDW_TIMEOUT_MS }: RdwOptions): Promise<RdwVehicle | null> {
  if (!/^[A-Z0-9]{6}$/.test(plate)) return null;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // Both at once; the fuel is optional, so its failure does not lose the rest.
    const [vehicles, fuels] = await Promise.all([rows(baseUrl, RDW_VEHICLES, plate, signal), rows(baseUrl, RDW_FUELS, plate, signal).catch(() => null)]);
    const v = vehicles?.[0];
    const make = text(v?.merk);
    const model = text(v?.handelsbenaming);
    if (!v || !make || !model) return null;
    return { make: displayMake(make), model: displayModel(model, make), modelYear: yearOf(v.datum_eerste_toelating), fuel: fuels ? fuelOf(fuels) : null };
  } catch {
    // Refused, reset, timed out, not JSON: the form stays manual, silently.
    return null;
  }
}
