import { describe, expect, it } from "vitest";
import { ValidPlate as plateSchema } from "@/lib/server/fields";
import { checkPlate, formatPlate, nlSidecode } from "@/lib/server/plate";

const PlateSchema = plateSchema();

const messagesOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];
const INVALID = { ok: false, error: "plate_invalid" };

// One plate per Dutch sidecode, in display form (REFERENCE-DATA's examples where it gives one).
const NL_EXAMPLES: [number, string][] = [
  [1, "GJ-55-55"],
  [2, "89-67-NR"],
  [3, "00-FB-63"],
  [4, "MG-51-TH"],
  [5, "RR-HH-02"],
  [6, "88-XD-VV"],
  [7, "46-GZB-8"],
  [8, "6-VGF-86"],
  [9, "FX-149-H"],
  [10, "V-221-FX"],
  [11, "DHN-19-D"],
  [12, "G-12-BDF"],
  [13, "1-BD-234"],
  [14, "123-BD-4"],
];

describe("checkPlate: Dutch", () => {
  it.each(NL_EXAMPLES)("sidecode %i: %s", (sidecode, display) => {
    const plate = display.replaceAll("-", "");
    const expected = { ok: true, country: "NL", plate, display, sidecode };
    expect(checkPlate(display)).toEqual(expected);
    expect(checkPlate(plate)).toEqual(expected);
    expect(checkPlate(plate.toLowerCase(), "NL")).toEqual(expected);
    expect(nlSidecode(plate)).toBe(sidecode);
  });

  it.each([["gz231k"], ["GZ 231 K"], [" gz-231-k\t"], ["g z 2 3 1 k"], ["GZ2-31K"], ["gz\u2013231\u2013k"]])("accepts %j as GZ-231-K", (input) => {
    expect(checkPlate(input)).toEqual({ ok: true, country: "NL", plate: "GZ231K", display: "GZ-231-K", sidecode: 9 });
  });

  it.each([
    ["AE-12-34", 1],
    ["AA-12-34", 1], // the royal AA plates
    ["12-34-QU", 2],
    ["12-CO-34", 3],
  ] as const)("allows any letter in the old sidecodes 1-3: %j", (input, sidecode) => {
    expect(checkPlate(input)).toMatchObject({ ok: true, country: "NL", sidecode });
  });

  it.each([
    ["AB-12-CD"], // vowel, sidecode 4
    ["MG-51-TC"], // C, sidecode 4
    ["AB-CD-12"], // vowels and C, sidecode 5
    ["RR-QH-02"], // Q, sidecode 5
    ["12-AB-CD"], // sidecode 6
    ["12-QC-UO"],
    ["88-XD-VE"],
    ["GA-231-K"], // vowel in a sidecode 9 plate
    ["GZ-231-E"],
    ["GC-231-K"], // C and Q are not used from sidecode 4 on
    ["GQ-231-K"],
    ["12-BAF-3"], // vowel, sidecode 7
    ["1-BD-23U"],
  ])("refuses vowels, C and Q in sidecodes 4-14: %j", (input) => {
    expect(checkPlate(input)).toEqual(INVALID);
    expect(checkPlate(input, "NL")).toEqual(INVALID);
  });

  it.each([
    ["ABCDEF"], // six letters
    ["123456"], // six digits
    ["AB1C23"],
    ["A1B2C3"],
    ["GZ-231-K!"],
    ["GZ.231.K"],
    ["ABC-123"], // Belgian, not Dutch
  ])("refuses a wrong shape: %j", (input) => {
    expect(checkPlate(input, "NL")).toEqual(INVALID);
  });

  it.each([["GZ-231"], ["GZ-231-KB"], ["GZ-231-K-1"], ["GZ-231-KBDFGHJ"], ["GZ231K".repeat(10)]])("refuses too short or too long: %j", (input) => {
    expect(checkPlate(input)).toEqual(INVALID);
  });

  it.each([[""], ["   "], ["--"], [" - - "]])("refuses empty input: %j", (input) => {
    expect(checkPlate(input)).toEqual(INVALID);
    expect(checkPlate(input, "NL")).toEqual(INVALID);
    expect(checkPlate(input, "BE")).toEqual(INVALID);
  });
});

describe("checkPlate: Belgian", () => {
  it.each([
    ["1-ABC-123", "1ABC123", "1-ABC-123", "current"],
    ["2abc123", "2ABC123", "2-ABC-123", "current"],
    [" 9 xyz 001 ", "9XYZ001", "9-XYZ-001", "current"],
    ["ABC-123", "ABC123", "ABC-123", "letters-digits"],
    ["abc 123", "ABC123", "ABC-123", "letters-digits"],
    ["123-ABC", "123ABC", "123-ABC", "digits-letters"],
    ["123abc", "123ABC", "123-ABC", "digits-letters"],
  ])("accepts %j", (input, plate, display, format) => {
    const expected = { ok: true, country: "BE", plate, display, format };
    expect(checkPlate(input)).toEqual(expected);
    expect(checkPlate(input, "BE")).toEqual(expected);
  });

  it.each([["0-ABC-123"], ["1-AB-123"], ["1-ABC-12"], ["1-ABCD-123"], ["12-ABC-123"], ["AB-123"], ["ABC-1234"], ["1-ABC-12A"]])("refuses %j", (input) => {
    expect(checkPlate(input, "BE")).toEqual(INVALID);
    expect(checkPlate(input)).toEqual(INVALID);
  });

  it("keeps to the requested country", () => {
    expect(checkPlate("1-ABC-123", "NL")).toEqual(INVALID);
    expect(checkPlate("GZ-231-K", "BE")).toEqual(INVALID);
    expect(checkPlate("GZ-231-K")).toMatchObject({ ok: true, country: "NL" });
    expect(checkPlate("1-ABC-123")).toMatchObject({ ok: true, country: "BE" });
  });
});

describe("formatPlate", () => {
  it.each(NL_EXAMPLES)("round-trips Dutch sidecode %i: %s", (_sidecode, display) => {
    const r = checkPlate(display);
    if (!r.ok) throw new Error("expected a valid plate");
    expect(formatPlate(r.plate, "NL")).toBe(display);
    expect(formatPlate(r.plate, null)).toBe(display);
  });

  it.each([["1-ABC-123"], ["ABC-123"], ["123-ABC"]])("round-trips Belgian %s", (display) => {
    const r = checkPlate(display, "BE");
    if (!r.ok) throw new Error("expected a valid plate");
    expect(formatPlate(r.plate, "BE")).toBe(display);
    expect(formatPlate(r.plate, null)).toBe(display);
  });

  it("dashes a stored Dutch plate by its pattern even if its letters would be refused today", () => {
    expect(formatPlate("GA231K", "NL")).toBe("GA-231-K");
    expect(formatPlate("AB12CD", "NL")).toBe("AB-12-CD");
    expect(formatPlate("12QCUO", null)).toBe("12-QC-UO");
    expect(nlSidecode("AB12CD")).toBe(4);
  });

  it("does not apply the other country's formats", () => {
    expect(formatPlate("1ABC123", "NL")).toBe("1ABC123");
    expect(formatPlate("GZ231K", "BE")).toBe("GZ231K");
  });

  it("returns what matches no format unchanged", () => {
    expect(formatPlate("XYZ", null)).toBe("XYZ");
    expect(formatPlate("", "NL")).toBe("");
  });
});

describe("PlateSchema", () => {
  it("outputs the stored and display forms", () => {
    expect(PlateSchema.parse("gz 231 k")).toEqual({ country: "NL", plate: "GZ231K", display: "GZ-231-K", sidecode: 9 });
    expect(PlateSchema.parse("1-abc-123")).toEqual({ country: "BE", plate: "1ABC123", display: "1-ABC-123", format: "current" });
  });

  it.each([[""], ["GA-231-K"], ["ABCDEF"], [undefined], [42]])("has the message key plate_invalid for %j", (input) => {
    expect(messagesOf(PlateSchema.safeParse(input))).toEqual(["plate_invalid"]);
  });

  it("can be restricted to one country", () => {
    expect(messagesOf(plateSchema("NL").safeParse("1-ABC-123"))).toEqual(["plate_invalid"]);
    expect(plateSchema("BE").parse("123 abc")).toMatchObject({ country: "BE", plate: "123ABC" });
  });
});
