/**
 * Vehicle identification numbers (ISO 3779). Pure: no framework, no I/O.
 *
 * The error values are message keys (translated elsewhere), so they double as zod issue messages
 * (the form field: `Vin` in lib/server/fields.ts).
 */
export const VIN_ERRORS = ["vin_characters", "vin_forbidden_letters", "vin_length", "vin_check_digit"] as const;
export type VinError = (typeof VIN_ERRORS)[number];
export type VinCheck = { ok: true; vin: string } | { ok: false; error: VinError };

export const VIN_LENGTH = 17;

/** Whitespace of any kind plus the ASCII hyphen and the Unicode dashes people paste from documents. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]+/g;

/** Upper-cases and removes all whitespace (spaces, tabs, line breaks) and dashes. Does not validate. */
export function normalizeVin(input: string): string {
  return input.replace(SEPARATORS, "").toUpperCase();
}

/** ISO 3779 transliteration of letters to values for the check digit. I, O and Q never occur. */
// prettier-ignore
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

/** Weight per position; position 9 (the check digit itself) weighs 0. */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * The check digit ("0"–"9" or "X") a 17-character VIN should carry at position 9.
 * Expects a normalised VIN of 17 characters from A–Z (without I, O, Q) and 0–9.
 */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== VIN_LENGTH) throw new RangeError("vinCheckDigit needs a 17-character VIN");
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const c = vin[i];
    const value = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : LETTER_VALUES[c];
    if (value === undefined) throw new RangeError(`vinCheckDigit: invalid character ${JSON.stringify(c)}`);
    sum += value * WEIGHTS[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

/**
 * Whether the check digit is mandatory: only for VINs made for North America, whose world
 * manufacturer identifier starts with 1–5 (US, Canada, Mexico). European VINs carry no check
 * digit, so position 9 may be anything there.
 */
export function vinRequiresCheckDigit(vin: string): boolean {
  return /^[1-5]/.test(vin);
}

/**
 * Normalises (see {@link normalizeVin}) and validates a VIN. Checks run in this order, and the
 * first that fails is reported:
 *
 * 1. `vin_characters` — a character other than A–Z and 0–9 (e.g. `*`, `.`, `é`);
 * 2. `vin_forbidden_letters` — I, O or Q, which VINs never use (confusable with 1 and 0);
 * 3. `vin_length` — not exactly 17 characters (an empty input is reported here);
 * 4. `vin_check_digit` — wrong check digit at position 9, only for North-American VINs
 *    (first character 1–5).
 *
 * Character problems come first because they tell the user which character to fix, whereas a
 * length error on a string containing a stray character would send them counting.
 */
export function checkVin(input: string): VinCheck {
  const stripped = (typeof input === "string" ? input : "").replace(SEPARATORS, "");
  // Test before upper-casing: "ß".toUpperCase() is "SS" and "ſ" becomes "S".
  if (!/^[A-Za-z0-9]*$/.test(stripped)) return { ok: false, error: "vin_characters" };
  const vin = stripped.toUpperCase();
  if (/[IOQ]/.test(vin)) return { ok: false, error: "vin_forbidden_letters" };
  if (vin.length !== VIN_LENGTH) return { ok: false, error: "vin_length" };
  if (vinRequiresCheckDigit(vin) && vin[8] !== vinCheckDigit(vin)) return { ok: false, error: "vin_check_digit" };
  return { ok: true, vin };
}
