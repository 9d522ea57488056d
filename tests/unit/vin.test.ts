import { describe, expect, it } from "vitest";
import { Vin as VinSchema } from "@/lib/server/fields";
import { checkVin, normalizeVin, vinCheckDigit } from "@/lib/server/vin";

const messagesOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("normalizeVin", () => {
  it("upper-cases and removes spaces, tabs, line breaks and dashes", () => {
    expect(normalizeVin(" wp0 zzz99z\tts392124\n")).toBe("WP0ZZZ99ZTS392124");
    expect(normalizeVin("WP0-ZZZ-99Z-TS392124")).toBe("WP0ZZZ99ZTS392124");
    expect(normalizeVin("wp0\u2013zzz99zts392124")).toBe("WP0ZZZ99ZTS392124");
  });
});

describe("vinCheckDigit", () => {
  // Worked by hand: weighted sums 311 (311 mod 11 = 3), 351 (mod 11 = 10 -> X), 294 (mod 11 = 8).
  it.each([
    ["1HGCM82633A004352", "3"],
    ["1M8GDM9AXKP042788", "X"],
    ["5YJSA1E14HF000337", "8"],
  ])("computes the ISO 3779 check digit of %s", (vin, digit) => {
    expect(vinCheckDigit(vin)).toBe(digit);
  });
});

describe("checkVin", () => {
  it.each([
    ["WP0ZZZ99ZTS392124", "WP0ZZZ99ZTS392124"],
    ["WVGZZZ5NZJM131395", "WVGZZZ5NZJM131395"],
    ["wp0 zzz99z ts392124", "WP0ZZZ99ZTS392124"],
    ["1HGCM82633A004352", "1HGCM82633A004352"],
    ["1M8GDM9AXKP042788", "1M8GDM9AXKP042788"],
    ["1m8gdm9axkp042788", "1M8GDM9AXKP042788"],
    // 5YJSA1E14HF000337 with its check digit corrected (see the vinCheckDigit test).
    ["5YJSA1E18HF000337", "5YJSA1E18HF000337"],
  ])("accepts %j", (input, vin) => {
    expect(checkVin(input)).toEqual({ ok: true, vin });
  });

  it("does not enforce the check digit outside North America (first character not 1-5)", () => {
    for (const vin of ["WP0ZZZ99ZTS392124", "WVGZZZ5NZJM131395"]) {
      expect(vinCheckDigit(vin)).not.toBe(vin[8]);
      expect(checkVin(vin).ok).toBe(true);
    }
    // Same body as a North-American VIN with a wrong check digit, but made in Japan: accepted.
    expect(checkVin("JHGCM82643A004352")).toEqual({ ok: true, vin: "JHGCM82643A004352" });
  });

  it.each([
    ["1HGCM82643A004352", "vin_check_digit"], // position 9 changed from 3 to 4
    ["1M8GDM9A1KP042788", "vin_check_digit"], // X replaced by 1
    ["5YJSA1E14HF000337", "vin_check_digit"], // the check digit should be 8
    ["2HGCM82633A004352", "vin_check_digit"], // first character 1 -> 2: sum 319, check digit 0
    ["WP0ZZZ99ZTS39212O", "vin_forbidden_letters"],
    ["1HGCM8263IA004352", "vin_forbidden_letters"],
    ["WQ0ZZZ99ZTS392124", "vin_forbidden_letters"],
    ["wp0zzz99zts39212o", "vin_forbidden_letters"],
    ["WP0ZZZ99ZTS39212", "vin_length"], // 16
    ["WP0ZZZ99ZTS3921245", "vin_length"], // 18
    ["", "vin_length"],
    [" - ", "vin_length"],
    ["WP0ZZZ99ZTS39212*", "vin_characters"],
    ["WP0ZZZ99ZTS.392124", "vin_characters"],
    ["WP0ZZZ99ZTS39212ß", "vin_characters"], // would upper-case to "SS"
    ["WP0ZZZ99ZTS3921é4", "vin_characters"],
  ])("refuses %j with %s", (input, error) => {
    expect(checkVin(input)).toEqual({ ok: false, error });
  });

  it("reports characters before forbidden letters before length", () => {
    expect(checkVin("WP0*O")).toEqual({ ok: false, error: "vin_characters" });
    expect(checkVin("WP0O")).toEqual({ ok: false, error: "vin_forbidden_letters" });
    expect(checkVin("1HGCM8264")).toEqual({ ok: false, error: "vin_length" });
  });
});

describe("VinSchema", () => {
  it("outputs the normalised VIN", () => {
    expect(VinSchema.parse(" 1hgcm826-33a004352 ")).toBe("1HGCM82633A004352");
    expect(VinSchema.parse("wp0 zzz99z ts392124")).toBe("WP0ZZZ99ZTS392124");
  });

  it.each([
    ["1HGCM82643A004352", "vin_check_digit"],
    ["WP0ZZZ99ZTS39212O", "vin_forbidden_letters"],
    ["WP0ZZZ99ZTS39212", "vin_length"],
    ["WP0ZZZ99ZTS39212*", "vin_characters"],
  ])("has exactly the message key for %j", (input, key) => {
    expect(messagesOf(VinSchema.safeParse(input))).toEqual([key]);
  });

  it("calls a missing value vin_length", () => {
    expect(messagesOf(VinSchema.safeParse(undefined))).toEqual(["vin_length"]);
    expect(messagesOf(VinSchema.safeParse(12345))).toEqual(["vin_length"]);
  });
});
