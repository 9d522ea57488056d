import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MESSAGES, MESSAGES_DIR } from "@/i18n/messages";
import { routing, VARIANT_OF } from "@/i18n/routing";
// @ts-expect-error -- a plain ESM script without types; its functions are checked by this test.
import * as parity from "../../scripts/missing-translations.mjs";

type Flat = Record<string, string>;
type Report = Record<string, Record<string, { missing?: Flat; extra?: string[]; needsOverride?: Flat }>>;
const { compareLanguage, compareVariant, flatten, languages, missingTranslations } = parity as {
  compareLanguage(locale: string, dir?: string): Report[string];
  compareVariant(variant: string, dir?: string): Report[string];
  flatten(tree: object): Flat;
  languages(dir?: string): string[];
  missingTranslations(dir?: string): Report;
};

/** The ICU arguments of a message ({name}, {count, plural, ...}), not the words of its branches. */
function argumentsOf(text: string): string[] {
  return [...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?=[,}])/g)].map((m) => m[1]!).filter((a, i, all) => all.indexOf(a) === i).sort();
}

// Generic over messages/: a feature file another branch adds to en/ and nl/ is checked here too, and
// a failure names every missing key per folder and file (scripts/missing-translations.mjs prints
// the same as JSON, with the English texts, for a translation pass).
describe("message files in every language", () => {
  it("are the languages of the portal: en, nl and fr in full, nl-BE as overrides of nl", () => {
    expect(languages(MESSAGES_DIR)).toEqual(["fr", "nl"]);
    expect(VARIANT_OF).toEqual({ "nl-BE": "nl" });
    const folders = readdirSync(MESSAGES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.sort()).toEqual([...routing.locales].sort());
  });

  it.each(["nl", "fr"])("%s has every key of en, in the same file, and no key en does not have", (locale) => {
    const report = compareLanguage(locale, MESSAGES_DIR);
    const missing = Object.fromEntries(Object.entries(report).map(([file, r]) => [`messages/${locale}/${file}`, r]));
    expect(missing, `run: node scripts/missing-translations.mjs ${locale}`).toEqual({});
  });

  it("nl-BE overrides only keys nl has, and no Belgian reader sees kenteken or kentekenbewijs", () => {
    const report = compareVariant("nl-BE", MESSAGES_DIR);
    const found = Object.fromEntries(Object.entries(report).map(([file, r]) => [`messages/nl-BE/${file}`, r]));
    expect(found, "run: node scripts/missing-translations.mjs nl-BE").toEqual({});
    // The merged texts a Belgian user reads, UI and e-mails alike.
    const belgian = flatten(MESSAGES["nl-BE"]);
    expect(Object.entries(belgian).filter(([, v]) => /kenteken/i.test(v)).map(([k]) => k)).toEqual([]);
    expect(belgian["garage.plate"]).toBe("Nummerplaat");
    expect(belgian["verification.kinds.REGISTRATION"]).toBe("Inschrijvingsbewijs");
    // Everything else is the Dutch of nl.
    expect(belgian["common.signOut"]).toBe(flatten(MESSAGES.nl)["common.signOut"]);
    expect(Object.keys(belgian).sort()).toEqual(Object.keys(flatten(MESSAGES.nl)).sort());
  });

  it.each(["nl", "fr", "nl-BE"] as const)("%s keeps every placeholder of the English message", (locale) => {
    const en = flatten(MESSAGES.en);
    const tr = flatten(MESSAGES[locale]);
    const differing = Object.keys(en)
      .filter((k) => k in tr && argumentsOf(en[k]!).join() !== argumentsOf(tr[k]!).join())
      .map((k) => `${k}: en {${argumentsOf(en[k]!).join("} {")}} / ${locale} {${argumentsOf(tr[k]!).join("} {")}}`);
    expect(differing).toEqual([]);
  });

  it("French writes apostrophes that ICU does not read as quotes", () => {
    // In an ICU message a straight ' before { starts a quoted literal: l'{car} would print "{car}".
    const straight = Object.entries(flatten(MESSAGES.fr)).filter(([, v]) => v.includes("'")).map(([k]) => k);
    expect(straight).toEqual([]);
  });

  it("the check names each missing key per language and file, and each override of nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "autodossier-parity-"));
    for (const l of ["en", "nl", "fr", "nl-BE"]) mkdirSync(path.join(dir, l));
    const write = (l: string, f: string, v: object) => writeFileSync(path.join(dir, l, f), JSON.stringify(v));
    write("en", "core.json", { common: { yes: "Yes", no: "No" } });
    write("nl", "core.json", { common: { yes: "Ja", no: "Nee" } });
    write("fr", "core.json", { common: { yes: "Oui", maybe: "Peut-être" } });
    // A feature file another branch added in en and nl only.
    write("en", "recalls.json", { recalls: { title: "Recalls", plate: "Plate" } });
    write("nl", "recalls.json", { recalls: { title: "Terugroepacties", plate: "Kenteken" } });
    write("nl-BE", "core.json", { common: { no: "Neen", perhaps: "Misschien" } });
    expect(missingTranslations(dir)).toEqual({
      fr: {
        "core.json": { missing: { "common.no": "No" }, extra: ["common.maybe"] },
        "recalls.json": { missing: { "recalls.title": "Recalls", "recalls.plate": "Plate" } },
      },
      "nl-BE": {
        "core.json": { extra: ["common.perhaps"] },
        "recalls.json": { needsOverride: { "recalls.plate": "Kenteken" } },
      },
    });
  });
});
