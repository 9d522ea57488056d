import type { PlateCountry } from "../../generated/prisma/enums";

/**
 * Licence plates of the Netherlands and Belgium. Pure: no framework, no I/O.
 *
 * Stored form: upper-case letters and digits, no dashes or spaces ("GZ231K", "1ABC123").
 * Display form: with the dashes printed on the plate ("GZ-231-K", "1-ABC-123").
 * The form fields: `Plate` and `ValidPlate` in lib/server/fields.ts.
 */
export type { PlateCountry };
export type NlSidecode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14;
/** Belgian formats: "current" 1-ABC-123 (since 2008); older "letters-digits" ABC-123 and "digits-letters" 123-ABC. */
export type BePlateFormat = "current" | "letters-digits" | "digits-letters";
/** `plate_invalid`: no country's format; `plate_not_issued`: a Dutch shape with letters the RDW never issues. */
export type PlateError = "plate_invalid" | "plate_not_issued";

export type NlPlate = { ok: true; country: "NL"; plate: string; display: string; sidecode: NlSidecode };
export type BePlate = { ok: true; country: "BE"; plate: string; display: string; format: BePlateFormat };
export type PlateCheck = NlPlate | BePlate | { ok: false; error: PlateError };

/** Whitespace of any kind plus the ASCII hyphen and the Unicode dashes. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]+/g;

/** Upper-cases and removes whitespace and dashes: the stored form of a plate. Does not validate. */
export function normalizePlate(input: string): string {
  return input.replace(SEPARATORS, "").toUpperCase();
}

/**
 * Dutch sidecodes as groups: "X" letters, "9" digits. The groups give the dash positions.
 * All 14 letter/digit patterns differ, so a plate without dashes matches at most one.
 */
const NL_SIDECODES: Readonly<Record<NlSidecode, readonly string[]>> = {
  1: ["XX", "99", "99"],
  2: ["99", "99", "XX"],
  3: ["99", "XX", "99"],
  4: ["XX", "99", "XX"],
  5: ["XX", "XX", "99"],
  6: ["99", "XX", "XX"],
  7: ["99", "XXX", "9"],
  8: ["9", "XXX", "99"],
  9: ["XX", "999", "X"],
  10: ["X", "999", "XX"],
  11: ["XXX", "99", "X"],
  12: ["X", "99", "XXX"],
  13: ["9", "XX", "999"],
  14: ["999", "XX", "9"],
};

const ALL_LETTERS = "A-Z";
/**
 * Letters of sidecodes 4–14: the RDW has used no vowels (A E I O U) since sidecode 4 (1978), and
 * never C or Q in those series. Sidecodes 1–3 include old plates that did use them (and the royal
 * AA plates), so any letter is accepted there.
 */
const RESTRICTED_LETTERS = "BDFGHJKLMNPRSTVWXYZ";
const FIRST_RESTRICTED_SIDECODE = 4;

type Matcher = { sidecode: NlSidecode; groups: readonly string[]; shape: RegExp; strict: RegExp };

function toRegExp(groups: readonly string[], letters: string): RegExp {
  const source = groups.map((g) => `(${g[0] === "9" ? "\\d" : `[${letters}]`}{${g.length}})`).join("");
  return new RegExp(`^${source}$`);
}

const NL_MATCHERS: readonly Matcher[] = (Object.entries(NL_SIDECODES) as [string, readonly string[]][]).map(([code, groups]) => {
  const sidecode = Number(code) as NlSidecode;
  return { sidecode, groups, shape: toRegExp(groups, ALL_LETTERS), strict: toRegExp(groups, sidecode >= FIRST_RESTRICTED_SIDECODE ? RESTRICTED_LETTERS : ALL_LETTERS) };
});

const BE_FORMATS: readonly { format: BePlateFormat; re: RegExp }[] = [
  { format: "current", re: /^([1-9])([A-Z]{3})(\d{3})$/ },
  { format: "letters-digits", re: /^([A-Z]{3})(\d{3})$/ },
  { format: "digits-letters", re: /^(\d{3})([A-Z]{3})$/ },
];

const INVALID = { ok: false, error: "plate_invalid" } as const;
const NOT_ISSUED = { ok: false, error: "plate_not_issued" } as const;

/**
 * Letter combinations the RDW never issues, because they could be read as the abbreviation of a
 * party, an organisation or a slur (../shared/spec/REFERENCE-DATA.md; rdw.nl "Uitleg over de
 * cijfers en letters op de kentekenplaat"). Public plate checkers' lists differ slightly; this is
 * their common core. A combination counts inside one letter group of the plate as printed (the
 * dashes separate what is read together), in every sidecode: "SD-66-77" and "P-88-SSD" are
 * refused, "HS-DB-12" is not.
 */
const NEVER_ISSUED = ["GVD", "KKK", "KVT", "LPF", "NSB", "PKK", "PSV", "TBS", "SS", "SD"] as const;
/** Refused as well from series 11 on (sidecodes 11–14, since 4 June 2024); older 3-letter plates (sidecodes 7, 8) may carry them. */
const NEVER_ISSUED_FROM_SERIES_11 = ["PVV", "SGP", "VVD"] as const;
const SERIES_11 = 11;

/** The never-issued combination in a Dutch plate's letter groups, or null. */
export function neverIssuedCombination(groups: readonly string[], sidecode: NlSidecode): string | null {
  const banned: readonly string[] = sidecode >= SERIES_11 ? [...NEVER_ISSUED, ...NEVER_ISSUED_FROM_SERIES_11] : NEVER_ISSUED;
  for (const group of groups) {
    if (!/^[A-Z]+$/.test(group)) continue;
    const hit = banned.find((b) => group.includes(b));
    if (hit) return hit;
  }
  return null;
}

/** Guards the regular expressions against pasted essays; no plate is this long. */
const MAX_INPUT = 40;

function prepare(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_INPUT) return null;
  const stripped = input.replace(SEPARATORS, "");
  // Only ASCII letters and digits; tested before upper-casing ("ß".toUpperCase() is "SS").
  return /^[A-Za-z0-9]+$/.test(stripped) ? stripped.toUpperCase() : null;
}

function checkNl(plate: string): NlPlate | typeof NOT_ISSUED | null {
  for (const m of NL_MATCHERS) {
    const groups = m.strict.exec(plate);
    if (!groups) continue;
    if (neverIssuedCombination(groups.slice(1), m.sidecode)) return NOT_ISSUED;
    return { ok: true, country: "NL", plate, display: groups.slice(1).join("-"), sidecode: m.sidecode };
  }
  return null;
}

function checkBe(plate: string): BePlate | null {
  for (const { format, re } of BE_FORMATS) {
    const groups = re.exec(plate);
    if (groups) return { ok: true, country: "BE", plate, display: groups.slice(1).join("-"), format };
  }
  return null;
}

/**
 * Validates a licence plate typed with or without dashes/spaces, in any case. With a country,
 * only that country's formats are accepted; without, Dutch first, then Belgian (the formats do
 * not overlap). Dashes in the input are ignored, not checked: the sidecode decides where they go.
 * A Dutch plate of a valid shape whose letters the RDW never issues is `plate_not_issued`.
 */
export function checkPlate(input: string, country?: PlateCountry): PlateCheck {
  const plate = prepare(input);
  if (plate === null) return INVALID;
  const result = (country !== "BE" ? checkNl(plate) : null) ?? (country !== "NL" ? checkBe(plate) : null);
  return result ?? INVALID;
}

/** The Dutch sidecode (1–14) of a stored plate by its letter/digit pattern, or null. Letters are not restricted. */
export function nlSidecode(plate: string): NlSidecode | null {
  const p = normalizePlate(plate);
  return NL_MATCHERS.find((m) => m.shape.test(p))?.sidecode ?? null;
}

/**
 * Displays a stored plate the way it is printed. Lenient, because it shows what is already stored:
 * Dutch plates are dashed by their letter/digit pattern even if their letters would not pass
 * {@link checkPlate} today. Without a country, Dutch and then Belgian formats are tried. Input
 * matching no format is returned unchanged.
 */
export function formatPlate(stored: string, country: PlateCountry | null): string {
  const plate = normalizePlate(stored);
  if (country !== "BE") {
    for (const m of NL_MATCHERS) {
      const groups = m.shape.exec(plate);
      if (groups) return groups.slice(1).join("-");
    }
  }
  if (country !== "NL") {
    const be = checkBe(plate);
    if (be) return be.display;
  }
  return stored;
}
