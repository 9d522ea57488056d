/**
 * The stock list's search and paging as a Prisma query description. Pure: no database, so every
 * case of the search text is unit-tested (tests/unit/stock-search.test.ts); the stock list
 * (queries/stock-list.ts) runs what this describes.
 */
import type { Prisma } from "../../generated/prisma/client";
import { checkPlate, nlSidecode, normalizePlate } from "../server/plate";
import { checkVin } from "../server/vin";
import { PlateCountry } from "../../generated/prisma/enums";

/** Page size of the stock list; `pageSize` (1–100) only for tests and tools. */
export const STOCK_PAGE_SIZE = 25;

export type StockSearch = {
  /** Rows shown on a page. */
  size: number;
  /** The search part of the vehicle's `where` for the first query; {} without search text. */
  vehicle: Prisma.VehicleWhereInput;
  /** The vehicle search to run instead when the first query finds nothing; null: none. */
  fallback: Prisma.VehicleWhereInput | null;
  /** Newest first; one row more than a page, to know whether another page follows. */
  page: { orderBy: Prisma.PassportOrderByWithRelationInput[]; take: number; cursor?: { id: string }; skip?: number };
};

/**
 * The search text (plate with or without dashes, VIN, make or model) and cursor of a stock list
 * request. A complete plate is looked up exactly (one indexed query, the common case); when that
 * finds nothing it is searched as a substring too (a part of a VIN can look like a plate). Later
 * pages of a plate search use the substring search: a superset in the same order, so no gaps.
 */
export function stockSearch(opts: { q?: string; cursor?: string; pageSize?: number } = {}): StockSearch {
  const q = (opts.q ?? "").trim().slice(0, 60);
  const term = normalizePlate(q);
  const size = Math.min(Math.max(Math.trunc(opts.pageSize ?? STOCK_PAGE_SIZE), 1), 100);
  const plateLike = !!q && isCompletePlate(q, term);
  const filter = (mode: "exact" | "substring"): Prisma.VehicleWhereInput => (q ? searchFilter(q, term, mode) : {});
  return {
    size,
    vehicle: filter(plateLike && opts.cursor ? "substring" : "exact"),
    fallback: plateLike && !opts.cursor ? filter("substring") : null,
    page: {
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: size + 1,
      ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    },
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** The stored plates of a country that `term` is a complete plate of, by its letter/digit pattern. */
function plateCountries(term: string): PlateCountry[] {
  return [...(nlSidecode(term) ? (["NL"] as const) : []), ...(checkPlate(term, "BE").ok ? (["BE"] as const) : [])];
}

/**
 * A complete plate as typed, and every longer valid plate that contains it: "ABC123" (an older
 * Belgian plate) is also the end of 1-ABC-123 and 2-ABC-123, "1BDF23" (Dutch sidecode 8) the
 * start of 1-BDF-230…239. Plates have at most 7 characters, so these are few; all are looked up
 * by equality through the (country, plate) index.
 */
function plateLookup(term: string): { country: PlateCountry; plate: string | { in: string[] } }[] {
  const exact = plateCountries(term).map((country) => ({ country, plate: term }));
  if (!exact.length) return [];
  const longer: Record<PlateCountry, string[]> = { NL: [], BE: [] };
  for (const c of ALNUM) {
    for (const candidate of [c + term, term + c]) for (const country of plateCountries(candidate)) longer[country].push(candidate);
  }
  const around = Object.values(PlateCountry).filter((country) => longer[country].length).map((country) => ({ country, plate: { in: longer[country] } }));
  return [...exact, ...around];
}

/**
 * The search. A complete VIN or plate (what staff type at the desk) is looked up by equality,
 * through the indexes; a plate also finds the longer plates that contain it. When that finds
 * nothing, and for anything else, it is a substring of the VIN, the current plate, the make or
 * the model, which reads every passport of the garage (see bench/run.ts).
 */
function searchFilter(q: string, term: string, mode: "exact" | "substring"): Prisma.VehicleWhereInput {
  if (mode === "exact") {
    const vin = checkVin(q);
    if (vin.ok) return { vin: vin.vin };
    const plates = plateLookup(term);
    if (plates.length) return { plates: { some: { validTo: null, OR: plates } } };
  }
  return {
    OR: [
      { vin: { contains: term } },
      { plates: { some: { plate: { contains: term }, validTo: null } } },
      { model: { contains: q, mode: "insensitive" as const } },
      { make: { contains: q, mode: "insensitive" as const } },
    ],
  };
}

/** A complete plate, and not a VIN. */
function isCompletePlate(q: string, term: string): boolean {
  return !checkVin(q).ok && plateCountries(term).length > 0;
}
