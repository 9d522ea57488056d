import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import {
  CalendarDate,
  Checkbox,
  Email,
  ModelYear,
  Notes,
  OptionalCalendarDate,
  OptionalNotes,
  OptionalPlate,
  OptionalText,
  Plate,
  Text,
  ValidPlate,
  Vin,
  fieldWithUnstorableText,
} from "@/lib/server/fields";
import { currentYear } from "@/lib/server/dates";

const messagesOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

/** Control characters single-line text refuses: C0 (with CR, LF, TAB, NUL), DEL, C1, and the Unicode line separators. */
const SINGLE_LINE_CONTROLS: [string, string][] = [
  ["CR", "\r"],
  ["LF", "\n"],
  ["CRLF", "\r\n"],
  ["TAB", "\t"],
  ["NUL", "\u0000"],
  ["BEL", "\u0007"],
  ["VT", "\u000b"],
  ["FF", "\u000c"],
  ["ESC", "\u001b"],
  ["US", "\u001f"],
  ["DEL", "\u007f"],
  ["C1 PAD", "\u0080"],
  ["C1 NEL", "\u0085"],
  ["C1 APC", "\u009f"],
  ["LINE SEPARATOR", "\u2028"],
  ["PARAGRAPH SEPARATOR", "\u2029"],
];
const placed = SINGLE_LINE_CONTROLS.flatMap(([name, c]) => [
  [`${name} inside`, `Fenna${c}Veldkamp`],
  [`${name} at the start`, `${c}Fenna Veldkamp`],
  [`${name} at the end`, `Fenna Veldkamp${c}`],
]);

describe("Text (single line)", () => {
  const Name = Text(20);

  it("trims spaces and keeps letters of any language", () => {
    expect(Name.parse("  Zoë Ørsted-Čapek ")).toBe("Zoë Ørsted-Čapek");
    expect(Name.parse("Łukasz 😀")).toBe("Łukasz 😀");
  });

  it.each(placed)("refuses a control character: %s", (_where, input) => {
    expect(messagesOf(Name.safeParse(input))).toEqual(["text_control_chars"]);
  });

  it("counts the length after trimming: max passes, one more is too long", () => {
    expect(Name.parse(`  ${"a".repeat(20)}  `)).toBe("a".repeat(20));
    expect(messagesOf(Name.safeParse("a".repeat(21)))).toEqual(["too_long"]);
  });

  it("calls empty, blank or missing input required", () => {
    expect(messagesOf(Name.safeParse(""))).toEqual(["required"]);
    expect(messagesOf(Name.safeParse("   "))).toEqual(["required"]);
    expect(messagesOf(Name.safeParse(undefined))).toEqual(["required"]);
  });

  it("with a minimum above 1, calls shorter input too short", () => {
    const OrgName = Text(120, { min: 2 });
    expect(messagesOf(OrgName.safeParse("A"))).toEqual(["too_short"]);
    expect(messagesOf(OrgName.safeParse(" A "))).toEqual(["too_short"]);
    expect(OrgName.parse(" AB ")).toBe("AB");
    expect(messagesOf(OrgName.safeParse("A\tB"))).toEqual(["text_control_chars"]);
  });

  it("with a minimum above 1, still calls empty, blank or missing input required (not too short)", () => {
    const OrgName = Text(120, { min: 2 });
    expect(messagesOf(OrgName.safeParse(""))).toEqual(["required"]);
    expect(messagesOf(OrgName.safeParse("   "))).toEqual(["required"]);
    expect(messagesOf(OrgName.safeParse(undefined))).toEqual(["required"]);
  });
});

describe("OptionalText", () => {
  const City = OptionalText(10);

  it("reads empty, blank or missing as undefined and trims the rest", () => {
    expect(City.parse("")).toBeUndefined();
    expect(City.parse("   ")).toBeUndefined();
    expect(City.parse(undefined)).toBeUndefined();
    expect(City.parse(" Zwolle ")).toBe("Zwolle");
  });

  it.each(placed)("refuses a control character: %s", (_where, input) => {
    expect(messagesOf(City.safeParse(input))).toEqual(["text_control_chars"]);
  });

  it("refuses more than max characters", () => {
    expect(City.parse("a".repeat(10))).toBe("a".repeat(10));
    expect(messagesOf(City.safeParse("a".repeat(11)))).toEqual(["too_long"]);
  });
});

describe("Notes (multi-line)", () => {
  const Note = Notes(30);

  it("keeps line breaks (LF, CRLF, CR) as typed", () => {
    expect(Note.parse("line 1\nline 2\r\nline 3\rend")).toBe("line 1\nline 2\r\nline 3\rend");
    expect(Note.parse("  indented\n")).toBe("  indented\n");
  });

  it.each([
    ["NUL", "\u0000"],
    ["TAB", "\t"],
    ["BEL", "\u0007"],
    ["VT", "\u000b"],
    ["FF", "\u000c"],
    ["ESC", "\u001b"],
    ["DEL", "\u007f"],
    ["C1 NEL", "\u0085"],
    ["C1 APC", "\u009f"],
  ])("refuses %s anywhere", (_name, c) => {
    for (const input of [`a${c}b`, `${c}ab`, `ab${c}`]) expect(messagesOf(Note.safeParse(input))).toEqual(["notes_control_chars"]);
  });

  it("refuses more than max characters", () => {
    expect(Note.parse("a".repeat(30))).toHaveLength(30);
    expect(messagesOf(Note.safeParse("a".repeat(31)))).toEqual(["too_long"]);
  });

  it("optional notes are trimmed, empty is undefined, and the length is counted after trimming", () => {
    const Optional = OptionalNotes(5);
    expect(Optional.parse("")).toBeUndefined();
    expect(Optional.parse(" \n ")).toBeUndefined();
    expect(Optional.parse(undefined)).toBeUndefined();
    expect(Optional.parse(" a\nb \n")).toBe("a\nb");
    expect(Optional.parse(`  ${"a".repeat(5)}  `)).toBe("aaaaa");
    expect(messagesOf(Optional.safeParse("a".repeat(6)))).toEqual(["too_long"]);
    expect(messagesOf(Optional.safeParse("a\u0000b"))).toEqual(["notes_control_chars"]);
  });
});

describe("Email", () => {
  it("trims and lower-cases", () => {
    expect(Email.parse(" Ann@Example.NL ")).toBe("ann@example.nl");
  });

  it.each(placed.map(([where, v]) => [where, v.replace("Fenna", "ann@").replace("Veldkamp", "example.nl").replace(" ", "")]))(
    "refuses a control character: %s",
    (_where, input) => {
      expect(messagesOf(Email.safeParse(input))).toEqual(["email_control_chars"]);
    },
  );

  it("refuses an address over 254 characters", () => {
    const local = "a".repeat(64);
    const domain = `${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.${"e".repeat(50)}.nl`;
    expect(`${local}@${domain}`.length).toBeGreaterThan(254);
    expect(messagesOf(Email.safeParse(`${local}@${domain}`))).toContain("email_invalid");
  });
});

describe("Checkbox", () => {
  it.each([
    ["on", true],
    ["true", true],
    [true, true],
    ["", false],
    [undefined, false],
    [false, false],
  ])("%j is %s", (input, ticked) => {
    expect(Checkbox.parse(input)).toBe(ticked);
  });

  it("refuses anything else", () => {
    expect(Checkbox.safeParse("yes").success).toBe(false);
  });
});

describe("CalendarDate", () => {
  it("reads a date field as 00:00 UTC of that day, leap days included", () => {
    expect(CalendarDate.parse("2028-02-29").toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it.each([["2027-02-29"], ["2026-04-31"], ["2026-13-01"], ["31-01-2026"], [""], ["2026-01-15\n"]])("refuses %j with date_invalid", (input) => {
    expect(messagesOf(CalendarDate.safeParse(input))).toEqual(["date_invalid"]);
  });

  it("optional: an empty field is undefined", () => {
    expect(OptionalCalendarDate.parse("")).toBeUndefined();
    expect(OptionalCalendarDate.parse(undefined)).toBeUndefined();
    expect(OptionalCalendarDate.parse("2026-03-31")?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
  });
});

describe("Vin", () => {
  it("normalises spaces, tabs, line breaks and dashes, as before", () => {
    expect(Vin.parse(" wp0 zzz99z\tts392124\n")).toBe("WP0ZZZ99ZTS392124");
  });

  it.each([
    ["NUL", "WP0ZZZ99ZTS39212\u00004"],
    ["BEL", "WP0ZZZ99ZTS3921\u000724"],
    ["DEL", "WP0ZZZ99ZTS392124\u007f"],
    ["C1", "\u0085WP0ZZZ99ZTS392124"],
  ])("refuses a control character other than whitespace (%s) as a wrong character", (_name, input) => {
    expect(messagesOf(Vin.safeParse(input))).toEqual(["vin_characters"]);
  });

  it("refuses a wrong length and a wrong check digit", () => {
    expect(messagesOf(Vin.safeParse("WP0ZZZ99ZTS39212"))).toEqual(["vin_length"]);
    expect(messagesOf(Vin.safeParse("1HGCM82643A004352"))).toEqual(["vin_check_digit"]);
  });
});

describe("Plate", () => {
  it("keeps the plate as typed (trimmed) for the use case to check against its country", () => {
    expect(Plate.parse(" gz-231-k ")).toBe("gz-231-k");
    expect(messagesOf(Plate.safeParse(""))).toEqual(["plate_invalid"]);
    expect(messagesOf(Plate.safeParse(undefined))).toEqual(["plate_invalid"]);
    expect(messagesOf(Plate.safeParse("A".repeat(21)))).toEqual(["plate_invalid"]);
  });

  it("optional: empty is undefined", () => {
    expect(OptionalPlate.parse("")).toBeUndefined();
    expect(OptionalPlate.parse("  ")).toBeUndefined();
    expect(OptionalPlate.parse(" 1-abc-123 ")).toBe("1-abc-123");
    expect(messagesOf(OptionalPlate.safeParse("A".repeat(21)))).toEqual(["plate_invalid"]);
  });

  it("validated: accepts Dutch and Belgian formats and refuses control characters", () => {
    expect(ValidPlate("NL").parse("gz 231 k")).toMatchObject({ country: "NL", plate: "GZ231K", display: "GZ-231-K" });
    expect(ValidPlate("BE").parse("1-abc-123")).toMatchObject({ country: "BE", plate: "1ABC123" });
    expect(messagesOf(ValidPlate().safeParse("GZ-231\u0000-K"))).toEqual(["plate_invalid"]);
    expect(messagesOf(ValidPlate().safeParse("GZ-231-K\u0085"))).toEqual(["plate_invalid"]);
  });
});

describe("ModelYear", () => {
  it("accepts 1950 up to two years ahead, typed or as a number", () => {
    expect(ModelYear.parse("1950")).toBe(1950);
    expect(ModelYear.parse(currentYear() + 2)).toBe(currentYear() + 2);
  });

  it.each([["1949"], [String(currentYear() + 3)], ["2023.5"], ["year"]])("refuses %j with year_invalid", (input) => {
    expect(messagesOf(ModelYear.safeParse(input))).toEqual(["year_invalid"]);
  });
});

describe("fieldWithUnstorableText (the action wrapper's check for characters PostgreSQL cannot store)", () => {
  it.each([
    ["NUL", { a: "ok", b: "x\u0000y" }, "b"],
    ["a lone high surrogate", { name: "abc\uD800" }, "name"],
    ["a lone low surrogate", { name: "\uDC00abc" }, "name"],
    ["NUL inside a list", { ids: ["a", "b\u0000"] }, "ids"],
    ["NUL inside an object", { o: { deep: ["\u0000"] } }, "o"],
    ["NUL in a nested key", { o: { "k\u0000": 1 } }, "o"],
    ["NUL in a field name", { "k\u0000": "v" }, "k\u0000"],
  ])("finds %s", (_what, input, field) => {
    expect(fieldWithUnstorableText(input)).toBe(field);
  });

  it.each([
    ["plain text and other types", { a: "Zoë 🚗 ж 日本", b: 1, c: null, d: true, e: [1, "x"] }],
    ["a surrogate pair (an emoji)", { a: "\uD83D\uDE97" }],
    ["control characters other than NUL (the schemas refuse those per field)", { a: "a\tb\r\n\u0001" }],
    ["nothing", {}],
  ])("accepts %s", (_what, input) => {
    expect(fieldWithUnstorableText(input)).toBeUndefined();
  });
});

describe("message keys", () => {
  it("every key the fields report has a text in every language", () => {
    const keys = ["character_not_allowed", "required", "too_long", "too_short", "text_control_chars", "notes_control_chars", "email_control_chars", "email_invalid", "date_invalid", "plate_invalid", "year_invalid", "vin_length", "vin_characters", "vin_forbidden_letters", "vin_check_digit"];
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      const fields = (messages as unknown as { errors: { fields: Record<string, unknown> } }).errors.fields;
      expect(keys.filter((k) => typeof fields[k] !== "string"), locale).toEqual([]);
    }
  });
});
