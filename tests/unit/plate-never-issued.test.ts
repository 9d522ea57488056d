import { describe, expect, it } from "vitest";
import { ValidPlate } from "@/lib/server/fields";
import { fieldErrorMessages } from "@/lib/server/error-message";
import { checkPlate, neverIssuedCombination } from "@/lib/server/plate";

/**
 * Dutch plates the RDW does and does not issue (../shared/spec/REFERENCE-DATA.md), in the kinds a
 * public plate checker lists: wrong sidecode shapes, letters not used, never-issued combinations.
 */
const VALID: [string, number][] = [
  ["GJ-55-55", 1],
  ["89-67-NR", 2],
  ["00-FB-63", 3],
  ["MG-51-TH", 4],
  ["RR-HH-02", 5],
  ["88-XD-VV", 6],
  ["46-GZB-8", 7],
  ["6-VGF-86", 8],
  ["FX-149-H", 9],
  ["V-221-FX", 10],
  ["DHN-19-D", 11],
  ["G-12-BDF", 12],
  ["1-BD-234", 13],
  ["123-BD-4", 14],
  // Near the forbidden ones, but not them.
  ["HS-DB-12", 5], // S and D in different groups
  ["SB-12-DS", 4], // DS is not SD
  ["12-PVV-3", 7], // PVV was refused only from series 11 on
  ["1-VVD-23", 8],
  ["SG-123-P", 9],
  ["GV-123-D", 9],
  // The public checker's cases of sidecodes it does not know yet; valid shapes and letters here.
  ["HJJ-01-L", 11],
  ["VSP-56-T", 11],
  ["8-ST-765", 13],
  ["765-LP-9", 14],
];

const NOT_ISSUED: string[] = [
  // The common core, in a 3-letter group.
  "GVD-12-B",
  "KKK-56-R",
  "KVT-56-R",
  "LPF-56-R",
  "NSB-56-R",
  "PKK-56-R",
  "PSV-56-R",
  "TBS-43-P",
  "12-GVD-3",
  "1-NSB-23",
  "S-88-KKK",
  // SS and SD anywhere in a letter group, any sidecode.
  "SD-66-77",
  "SS-99-88",
  "12-34-SS",
  "12-SD-34",
  "SS-12-BB",
  "BB-SD-12",
  "12-BB-SS",
  "SD-123-B",
  "B-123-SS",
  "PSS-56-R",
  "P-88-SSD",
  "12-BSD-3",
  "1-SS-234",
  "123-SD-4",
  // From series 11 on: PVV, SGP, VVD.
  "PVV-23-R",
  "SGP-56-T",
  "VVD-56-R",
  "B-12-PVV",
  "B-12-VVD",
];

const INVALID: string[] = [
  "12-35-9T", // digits where letters go
  "P0-99-88", // no sidecode has this shape
  "GH-FR-P5",
  "U-123-TT", // vowel, sidecode 10
  "65-F9-F9",
  "PY-YY-0P",
  "UK-JJ-99", // vowel, sidecode 5
  "AB-12-CD", // vowels, sidecode 4
  "MG-51-TC", // C, sidecode 4
  "RR-QH-02", // Q, sidecode 5
  "GZ-231", // too short
  "GZ-231-KB", // too long
  "ABC-123", // Belgian, not Dutch
  "",
];

describe("Dutch plates: the never-issued letter combinations", () => {
  it.each(VALID)("accepts %s (sidecode %i)", (plate, sidecode) => {
    expect(checkPlate(plate, "NL")).toMatchObject({ ok: true, country: "NL", display: plate, sidecode });
    expect(checkPlate(plate.replaceAll("-", "").toLowerCase())).toMatchObject({ ok: true, display: plate });
  });

  it.each(NOT_ISSUED.map((p) => [p]))("refuses %s as never issued", (plate) => {
    expect(checkPlate(plate, "NL")).toEqual({ ok: false, error: "plate_not_issued" });
    expect(checkPlate(plate.replaceAll("-", " ").toLowerCase())).toEqual({ ok: false, error: "plate_not_issued" });
  });

  it.each(INVALID.map((p) => [p]))("refuses %j as no Dutch plate", (plate) => {
    expect(checkPlate(plate, "NL")).toEqual({ ok: false, error: "plate_invalid" });
  });

  it("passes the public plate checker's 26 invalid plates but for 4 of sidecodes 11, 13 and 14 it does not know", () => {
    // friedt/kenteken-check-NL-RDW, its test "should return a INVALID sign XX-XX-XX".
    const checker = ["HJJ01L", "VVD56R", "VSP56T", "SGP56T", "12359T", "SD6677", "P09988", "GHFRP5", "U123TT", "PVV23R", "65F9F9", "SS9988", "8ST765", "765LP9", "TBS43P", "PYYY0P", "UKJJ99", "KVT56R", "KKK56R", "LPF56R", "NSB56R", "PKK56R", "PSV56R", "PSS56R", "S88KKK", "P88SSD"];
    const accepted = checker.filter((p) => checkPlate(p, "NL").ok);
    expect(accepted).toEqual(["HJJ01L", "VSP56T", "8ST765", "765LP9"]);
  });

  it("names the combination, per letter group and series", () => {
    expect(neverIssuedCombination(["PVV", "23", "R"], 11)).toBe("PVV");
    expect(neverIssuedCombination(["12", "PVV", "3"], 7)).toBeNull();
    expect(neverIssuedCombination(["HS", "DB", "12"], 5)).toBeNull();
    expect(neverIssuedCombination(["HS", "SD", "12"], 5)).toBe("SD");
  });

  it("keeps Belgian plates out of it", () => {
    expect(checkPlate("1-SSD-123", "BE")).toMatchObject({ ok: true, country: "BE" });
    expect(checkPlate("KKK-123")).toMatchObject({ ok: true, country: "BE" });
  });

  it("gives the form a field error in the user's language", () => {
    const r = ValidPlate("NL").safeParse("SD-123-B");
    expect(r.success).toBe(false);
    const issues = r.error!.issues;
    expect(issues.map((i) => i.message)).toEqual(["plate_not_issued"]);
    expect(fieldErrorMessages(issues, "nl")._).toMatch(/RDW geeft deze lettercombinatie nooit uit/);
    expect(fieldErrorMessages(issues, "en")._).toMatch(/RDW never issues this letter combination/);
    expect(fieldErrorMessages(issues, "fr")._).toMatch(/RDW n’attribue jamais cette combinaison/);
    expect(fieldErrorMessages(issues, "nl-BE")._).toMatch(/Nederlandse nummerplaat/);
  });
});
