/**
 * Country and city names in the page's language. Countries come from the browser's and Node's
 * own data (`Intl.DisplayNames`); an organisation's city is stored as typed (often in Dutch:
 * "Brussel"), and the cities known under more than one name are shown by their message in the
 * page's language (messages `places.cities.<key>`). Any other city is shown as stored. Pure.
 */

/** Cities of the Netherlands and Belgium with a name of their own in another language. */
export const KNOWN_CITIES = {
  brussels: ["Brussel", "Bruxelles", "Brussels", "Brüssel"],
  antwerp: ["Antwerpen", "Anvers", "Antwerp"],
  ghent: ["Gent", "Gand", "Ghent"],
  bruges: ["Brugge", "Bruges"],
  liege: ["Luik", "Liège", "Liege", "Lüttich"],
  leuven: ["Leuven", "Louvain"],
  mechelen: ["Mechelen", "Malines"],
  mons: ["Bergen", "Mons"],
  namur: ["Namen", "Namur"],
  kortrijk: ["Kortrijk", "Courtrai"],
  tournai: ["Doornik", "Tournai"],
  theHague: ["Den Haag", "'s-Gravenhage", "The Hague", "La Haye"],
} as const;

export type CityKey = keyof typeof KNOWN_CITIES;

/** Compared without case, accents or surrounding spaces: "liege", "Liège" and " LIÈGE " are one city. */
const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").trim().toLowerCase();

const BY_NAME = new Map<string, CityKey>(
  (Object.entries(KNOWN_CITIES) as [CityKey, readonly string[]][]).flatMap(([key, names]) => names.map((n) => [fold(n), key] as const)),
);

/** The message key of a stored city name, or null for a city without names in other languages. */
export function cityKey(stored: string): CityKey | null {
  return BY_NAME.get(fold(stored)) ?? null;
}

/** A stored city name in the page's language: the message of a known city, any other as stored. */
export function cityName(stored: string | null | undefined, translate: (key: CityKey) => string): string | null {
  if (!stored) return null;
  const key = cityKey(stored);
  return key ? translate(key) : stored;
}

/** A country code (ISO 3166, e.g. "BE") as its name in `locale`: "Belgium", "België", "Belgique". */
export function countryName(code: string | null | undefined, locale: string): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The countries an organisation can be in, for a select, named in `locale`. */
export function countryOptions(codes: readonly string[], locale: string): { value: string; label: string }[] {
  return codes.map((c) => ({ value: c, label: countryName(c, locale) ?? c }));
}
