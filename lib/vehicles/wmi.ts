/**
 * The maker of a car from its VIN's World Manufacturer Identifier (positions 1–3, ISO 3780), and
 * whether that maker agrees with the make the RDW registers for its plate. Pure: no I/O.
 *
 * Source of the table: the WMI codes assigned under ISO 3780 as published in the "World
 * Manufacturer Identifier" section of Wikipedia's "Vehicle identification number" article and in
 * NHTSA's Product Information Catalog and Vehicle Listing (vPIC, manufacturer WMIs), read in
 * November 2026; the Porsche codes as in ../shared/spec/REFERENCE-DATA.md. Only makes common on
 * Dutch and Belgian roads, with their European and main export plants; a WMI not in the table
 * gives no make (the field stays as typed, and no warning is shown). Lynk & Co is left out: its
 * cars are built in China under Geely WMIs we could not confirm per make.
 */

type MakeKey = keyof typeof MAKES;

/** The makes, by a key of upper-case letters and digits only, with the name the form shows. */
const MAKES = {
  ALFAROMEO: "Alfa Romeo",
  AUDI: "Audi",
  BMW: "BMW",
  CITROEN: "Citroën",
  CUPRA: "Cupra",
  DACIA: "Dacia",
  DS: "DS",
  FERRARI: "Ferrari",
  FIAT: "Fiat",
  FORD: "Ford",
  HONDA: "Honda",
  HYUNDAI: "Hyundai",
  JAGUAR: "Jaguar",
  KIA: "Kia",
  LANCIA: "Lancia",
  LANDROVER: "Land Rover",
  LEXUS: "Lexus",
  MAZDA: "Mazda",
  MERCEDESBENZ: "Mercedes-Benz",
  MINI: "Mini",
  MITSUBISHI: "Mitsubishi",
  NISSAN: "Nissan",
  OPEL: "Opel",
  PEUGEOT: "Peugeot",
  POLESTAR: "Polestar",
  PORSCHE: "Porsche",
  RENAULT: "Renault",
  SEAT: "SEAT",
  SKODA: "Škoda",
  SMART: "Smart",
  SUBARU: "Subaru",
  SUZUKI: "Suzuki",
  TESLA: "Tesla",
  TOYOTA: "Toyota",
  VOLKSWAGEN: "Volkswagen",
  VOLVO: "Volvo",
} as const;

/** Other spellings of a make (after {@link makeKey}'s clean-up), as registers and people write them. */
const ALIASES: Readonly<Record<string, MakeKey>> = {
  VW: "VOLKSWAGEN",
  VOLKSWAGENVW: "VOLKSWAGEN",
  MERCEDES: "MERCEDESBENZ",
  MB: "MERCEDESBENZ",
  BMWMINI: "MINI",
  RANGEROVER: "LANDROVER",
  ALFA: "ALFAROMEO",
  DSAUTOMOBILES: "DS",
  CITROENDS: "DS",
};

/**
 * Makes a VIN of one maker may legitimately carry under another make in the register: Cupra is
 * built as SEAT (VSS), DS models were Citroëns until 2015 (VF7), a Mini was once a BMW Mini.
 */
const SAME_MAKER: readonly (readonly MakeKey[])[] = [
  ["SEAT", "CUPRA"],
  ["CITROEN", "DS"],
  ["BMW", "MINI"],
  ["TOYOTA", "LEXUS"],
];

/** WMI → make. Manufacturers with several WMIs (cars, SUVs, plants) have each listed. */
const WMI: Readonly<Record<string, MakeKey>> = {
  // Volkswagen group
  WVW: "VOLKSWAGEN", WVG: "VOLKSWAGEN", WV1: "VOLKSWAGEN", WV2: "VOLKSWAGEN", "3VW": "VOLKSWAGEN",
  WAU: "AUDI", WA1: "AUDI", WUA: "AUDI", TRU: "AUDI",
  TMB: "SKODA",
  VSS: "SEAT",
  WP0: "PORSCHE", WP1: "PORSCHE",
  // BMW group
  WBA: "BMW", WBS: "BMW", WBY: "BMW",
  WMW: "MINI",
  // Mercedes-Benz
  WDB: "MERCEDESBENZ", WDD: "MERCEDESBENZ", WDC: "MERCEDESBENZ", WDF: "MERCEDESBENZ", W1K: "MERCEDESBENZ", W1N: "MERCEDESBENZ", W1V: "MERCEDESBENZ",
  WME: "SMART",
  // Stellantis
  W0L: "OPEL", W0V: "OPEL",
  VF3: "PEUGEOT", VR3: "PEUGEOT",
  VF7: "CITROEN", VR7: "CITROEN",
  VR1: "DS",
  ZFA: "FIAT", ZAR: "ALFAROMEO", ZLA: "LANCIA",
  // Ford: Germany, Spain, United Kingdom, Turkey
  WF0: "FORD", VS6: "FORD", SFA: "FORD", NM0: "FORD",
  // Renault group
  VF1: "RENAULT", UU1: "DACIA",
  // Volvo Cars and Polestar
  YV1: "VOLVO", YV4: "VOLVO", LVY: "VOLVO",
  LPS: "POLESTAR",
  // Toyota: Japan, United Kingdom, France, Turkey; Lexus
  JTD: "TOYOTA", JTE: "TOYOTA", JTM: "TOYOTA", JTN: "TOYOTA", SB1: "TOYOTA", VNK: "TOYOTA", NMT: "TOYOTA",
  JTH: "LEXUS", JTJ: "LEXUS",
  // Korea, and the Czech and Slovak plants
  KNA: "KIA", KNE: "KIA", U5Y: "KIA", U6Y: "KIA",
  KMH: "HYUNDAI", TMA: "HYUNDAI", NLH: "HYUNDAI",
  // Tesla: United States, China, Germany
  "5YJ": "TESLA", "7SA": "TESLA", LRW: "TESLA", XP7: "TESLA",
  // Japan and the European plants of Japanese makers
  JN1: "NISSAN", JN8: "NISSAN", SJN: "NISSAN", VSK: "NISSAN",
  JM1: "MAZDA", JMZ: "MAZDA",
  JHM: "HONDA", SHH: "HONDA", SHS: "HONDA",
  JSA: "SUZUKI", TSM: "SUZUKI",
  JMB: "MITSUBISHI",
  JF1: "SUBARU", JF2: "SUBARU",
  // Jaguar Land Rover
  SAJ: "JAGUAR", SAD: "JAGUAR", SAL: "LANDROVER",
  ZFF: "FERRARI",
};

/** A make as a comparable key: upper-case, accents and everything but letters and digits removed, aliases resolved. */
export function makeKey(make: string): string {
  const key = make
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return ALIASES[key] ?? key;
}

/** The name a form shows for a make: the table's spelling for a known make, else the words capitalised. */
export function displayMake(make: string): string {
  const key = makeKey(make);
  if (key in MAKES) return MAKES[key as MakeKey];
  return make
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** The make of a VIN by its WMI (the first three characters), or null when the table does not know it. */
export function makeFromVin(vin: string): { wmi: string; make: string } | null {
  const wmi = vin.replace(/[\s-]/g, "").slice(0, 3).toUpperCase();
  const key = WMI[wmi];
  return key ? { wmi, make: MAKES[key] } : null;
}

/** Whether two makes name the same maker (aliases and the makers of {@link SAME_MAKER} included). */
export function sameMaker(a: string, b: string): boolean {
  const ka = makeKey(a);
  const kb = makeKey(b);
  if (ka === kb) return true;
  return SAME_MAKER.some((group) => (group as readonly string[]).includes(ka) && (group as readonly string[]).includes(kb));
}

/**
 * The warning for a VIN whose manufacturer code names another maker than the plate's registered
 * make, or null (agreeing, or either unknown). A warning, never a refusal: the table is not
 * complete and registers make mistakes too; staff decide.
 */
export function vinMakeMismatch(vin: string, plateMake: string | null | undefined): { wmi: string; vinMake: string; plateMake: string } | null {
  if (!plateMake) return null;
  const fromVin = makeFromVin(vin);
  if (!fromVin || sameMaker(fromVin.make, plateMake)) return null;
  return { wmi: fromVin.wmi, vinMake: fromVin.make, plateMake: displayMake(plateMake) };
}
