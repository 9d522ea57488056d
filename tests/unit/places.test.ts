import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { cityKey, cityName, countryName, countryOptions, KNOWN_CITIES, type CityKey } from "@/lib/organisations/places";

const citiesIn = (locale: keyof typeof MESSAGES) => (MESSAGES[locale] as unknown as { places: { cities: Record<string, string> } }).places.cities;
const translator = (locale: keyof typeof MESSAGES) => (k: CityKey) => citiesIn(locale)[k]!;

describe("countryName (Intl.DisplayNames)", () => {
  it("names the countries in the page's language", () => {
    expect(countryName("NL", "en")).toBe("Netherlands");
    expect(countryName("BE", "en")).toBe("Belgium");
    expect(countryName("NL", "nl")).toBe("Nederland");
    expect(countryName("BE", "nl")).toBe("België");
    expect(countryName("BE", "fr")).toBe("Belgique");
    expect(countryName("be", "en")).toBe("Belgium");
  });

  it("shows nothing for no country, and an unknown code as the code", () => {
    expect(countryName(null, "en")).toBeNull();
    expect(countryName("", "en")).toBeNull();
    expect(countryName("QQ", "en")).toBe("QQ");
  });

  it("gives select options in the page's language", () => {
    expect(countryOptions(["NL", "BE"], "en")).toEqual([
      { value: "NL", label: "Netherlands" },
      { value: "BE", label: "Belgium" },
    ]);
  });
});

describe("cityName (known cities through the messages)", () => {
  it("shows a stored Dutch name in English on an English page, and in Dutch on a Dutch one", () => {
    expect(cityName("Brussel", translator("en"))).toBe("Brussels");
    expect(cityName("Antwerpen", translator("en"))).toBe("Antwerp");
    expect(cityName("Bruxelles", translator("nl"))).toBe("Brussel");
    expect(cityName("Den Haag", translator("en"))).toBe("The Hague");
  });

  it("matches without case, accents or surrounding spaces", () => {
    expect(cityKey(" LIEGE ")).toBe("liege");
    expect(cityKey("liège")).toBe("liege");
    expect(cityKey("'s-gravenhage")).toBe("theHague");
  });

  it("shows any other city as stored, and nothing for none", () => {
    expect(cityName("Utrecht", translator("en"))).toBe("Utrecht");
    expect(cityName("Amsterdam", translator("nl"))).toBe("Amsterdam");
    expect(cityName(null, translator("en"))).toBeNull();
    expect(cityName("", translator("en"))).toBeNull();
  });

  it("has a message for every known city in every language, and no name for two cities", () => {
    for (const locale of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      expect(Object.keys(citiesIn(locale)).sort(), locale).toEqual(Object.keys(KNOWN_CITIES).sort());
    }
    for (const [key, names] of Object.entries(KNOWN_CITIES)) for (const n of names) expect(cityKey(n), n).toBe(key);
  });
});
