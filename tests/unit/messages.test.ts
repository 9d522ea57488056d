import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MESSAGES, MESSAGES_DIR, messagesFor, readMessages } from "@/i18n/messages";
import { routing } from "@/i18n/routing";
import { AUDIT_ROLES, DRIVER_ADDED_TRAIL_ACTION, OWNER_TRAIL_ACTIONS } from "@/lib/server/audit";

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, p = ""): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
const segments = (t: Tree): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === "object" ? [k, ...segments(v)] : [k]));

describe("message files", () => {
  it("use no dots inside a key (next-intl reads a dot as nesting)", () => {
    for (const locale of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      expect(segments(MESSAGES[locale]).filter((k) => k.includes("."))).toEqual([]);
    }
  });

  it("have no empty texts", () => {
    for (const locale of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      const empty = keys(MESSAGES[locale]).filter((k) => {
        const v = k.split(".").reduce<Tree | string>((t, s) => (t as Tree)[s], MESSAGES[locale]);
        return typeof v === "string" && v.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });

  it("are one folder per language the portal speaks, no more and no fewer", () => {
    const folders = readdirSync(MESSAGES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(folders).toEqual([...routing.locales].sort());
  });

  it("merge every file of a language folder, so a new feature or language needs no code to load", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "autodossier-messages-"));
    mkdirSync(path.join(dir, "fr"));
    writeFileSync(path.join(dir, "fr", "core.json"), JSON.stringify({ common: { yes: "Oui" } }));
    writeFileSync(path.join(dir, "fr", "garage.json"), JSON.stringify({ common: { no: "Non" }, garage: { title: "Mon garage" } }));
    expect(readMessages("fr", dir)).toEqual({ common: { yes: "Oui", no: "Non" }, garage: { title: "Mon garage" } });
  });

  it("give a language the portal does not speak the English texts, and read either spelling of Belgian Dutch", () => {
    expect(messagesFor("de").locale).toBe("en");
    expect(messagesFor("de").messages).toBe(MESSAGES.en);
    expect(messagesFor("nl").messages).toBe(MESSAGES.nl);
    expect(messagesFor("fr").messages).toBe(MESSAGES.fr);
    expect(messagesFor("nl_BE")).toEqual({ locale: "nl-BE", messages: MESSAGES["nl-BE"] });
    expect(messagesFor("nl-BE").messages).toBe(MESSAGES["nl-BE"]);
  });

  it("name every action and role that can reach an owner's trail on the car page, with a generic label for the rest", () => {
    // Derived from the typed audit log (lib/server/audit.ts), so a new trail action or role cannot go unlabelled.
    const actions: string[] = [...OWNER_TRAIL_ACTIONS, DRIVER_ADDED_TRAIL_ACTION];
    const roles: string[] = [...AUDIT_ROLES];
    for (const locale of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      const garage = (MESSAGES[locale] as unknown as Tree).garage as Tree;
      const audit = garage.audit as Tree;
      const roleNames = garage.roles as Tree;
      expect(actions.filter((a) => typeof audit[a.replace(/\./g, "_")] !== "string"), `${locale}: garage.audit`).toEqual([]);
      expect(roles.filter((r) => typeof roleNames[r.replace(":", "_")] !== "string"), `${locale}: garage.roles`).toEqual([]);
      expect(typeof audit.other).toBe("string");
      expect(typeof roleNames.other).toBe("string");
    }
  });

  it("use one term for a thing within each language", () => {
    const texts = (locale: keyof typeof MESSAGES) => keys(MESSAGES[locale] as Tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, s) => (t as Tree)[s], MESSAGES[locale] as Tree) as string] as const);
    // Dutch: "VIN (chassisnummer)" as the label, "VIN" in sentences; "modeljaar", never "bouwjaar".
    const nl = texts("nl");
    expect(nl.filter(([, v]) => /chassisnummer/i.test(v) && !v.includes("VIN (chassisnummer)")).map(([k]) => k)).toEqual([]);
    expect(nl.filter(([, v]) => /bouwjaar/i.test(v)).map(([k]) => k)).toEqual([]);
    // English: "VIN (chassis number)" as a label, "model year".
    const en = texts("en");
    expect(en.filter(([, v]) => /chassis/i.test(v) && !v.includes("VIN (chassis number)")).map(([k]) => k)).toEqual([]);
    // French: "VIN (numéro de châssis)", "Année-modèle", "plaque d'immatriculation", "certificat d'immatriculation".
    const fr = texts("fr");
    expect(fr.filter(([, v]) => /châssis/i.test(v) && !v.includes("VIN (numéro de châssis)")).map(([k]) => k)).toEqual([]);
    expect(fr.filter(([, v]) => /carte grise|kenteken|nummerplaat/i.test(v)).map(([k]) => k)).toEqual([]);
    const terms = { nl: ["VIN (chassisnummer)", "Modeljaar"], en: ["VIN (chassis number)", "Model year"], fr: ["VIN (numéro de châssis)", "Année-modèle"] } as const;
    for (const locale of ["nl", "en", "fr"] as const) {
      const all = texts(locale);
      // A VIN field's label is the same everywhere in a language.
      const vinLabels = new Set(all.filter(([k]) => /(^|\.)vin$/.test(k)).map(([, v]) => v));
      expect([...vinLabels], locale).toEqual([terms[locale][0]]);
      const yearLabels = new Set(all.filter(([k]) => /(^|\.)modelYear$/.test(k)).map(([, v]) => v));
      expect([...yearLabels], locale).toEqual([terms[locale][1]]);
    }
    for (const locale of ["nl", "en"] as const) {
      expect(((MESSAGES[locale] as unknown as Tree).products as Tree).CONNECT, locale).toBe("Connected services");
    }
  });

  it("promise owners only what the portal has: no documents, personal car names or planned maintenance", () => {
    const promises = (locale: keyof typeof MESSAGES) => {
      const m = MESSAGES[locale] as unknown as { home: Tree; emails: Record<string, Tree> };
      return [m.home.lead, (m.home.owners as Tree).text, m.emails.invitation!.p1, m.emails["vehicle-linked"]!.p2, m.emails["vehicle-linked-desk"]!.p2] as string[];
    };
    for (const t of promises("en")) expect(t).not.toMatch(/and documents|personal name|planned maintenance/i);
    for (const t of promises("nl")) expect(t).not.toMatch(/en (de )?documenten|eigen naam|gepland(e)? onderhoud/i);
    for (const t of promises("fr")) expect(t).not.toMatch(/et (les |des )?documents|nom personnel|entretien (planifié|prévu)/i);
  });
});
