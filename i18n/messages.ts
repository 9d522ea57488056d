/**
 * The message files, one per feature and language (messages/<locale>/<feature>.json), merged
 * into one tree per language the portal speaks (i18n/routing.ts). Read from disk once, on the
 * server (the client gets its messages from the server's provider).
 *
 * Adding a language: a folder messages/<locale>/ with the same files as messages/en/, and the
 * locale in i18n/routing.ts. A variant (nl-BE) has a folder with only the keys it says otherwise,
 * merged over its language's (VARIANT_OF in i18n/routing.ts). Adding a feature file: the file in
 * every language folder (en, nl, fr), and its type below; tests/unit/message-parity.test.ts lists
 * what a folder lacks, scripts/missing-translations.mjs prints it as JSON.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type enAppointments from "../messages/en/appointments.json";
import type enCore from "../messages/en/core.json";
import type enDispute from "../messages/en/dispute.json";
import type enDossier from "../messages/en/dossier.json";
import type enDrivers from "../messages/en/drivers.json";
import type enFleet from "../messages/en/fleet.json";
import type enHandover from "../messages/en/handover.json";
import type enInbox from "../messages/en/inbox.json";
import type enLinking from "../messages/en/linking.json";
import type enLookup from "../messages/en/lookup.json";
import type enPassports from "../messages/en/passports.json";
import type enPrivacy from "../messages/en/privacy.json";
import type enRecalls from "../messages/en/recalls.json";
import type enReport from "../messages/en/report.json";
import type enVerification from "../messages/en/verification.json";
import { appLocaleOf, routing, VARIANT_OF, type AppLocale } from "./routing";

export type Messages = typeof enAppointments & typeof enCore & typeof enDispute & typeof enDossier & typeof enDrivers & typeof enFleet & typeof enHandover & typeof enInbox & typeof enLinking & typeof enLookup & typeof enPassports & typeof enPrivacy & typeof enRecalls & typeof enReport & typeof enVerification;

type Tree = { [k: string]: string | Tree };

export function deepMerge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const t of trees) {
    for (const [k, v] of Object.entries(t)) {
      const cur = out[k];
      out[k] = typeof v === "object" && typeof cur === "object" ? deepMerge(cur, v) : v;
    }
  }
  return out;
}

// Read at run time from the project folder the server runs in (npm start); the ignore comments
// keep Turbopack from tracing the whole project for these dynamic paths.
export const MESSAGES_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "messages");

/** The merged messages of one language folder, its files in name order. */
export function readMessages(locale: string, dir = MESSAGES_DIR): Tree {
  const folder = path.join(dir, locale);
  const files = readdirSync(/*turbopackIgnore: true*/ folder).filter((f) => f.endsWith(".json")).sort();
  return deepMerge(...files.map((f) => JSON.parse(readFileSync(/*turbopackIgnore: true*/ path.join(folder, f), "utf8")) as Tree));
}

/** A language's texts: a variant's own merged over those of the language it varies (nl-BE over nl). */
export function messagesOf(locale: AppLocale, dir = MESSAGES_DIR): Tree {
  const base = VARIANT_OF[locale];
  return base ? deepMerge(readMessages(base, dir), readMessages(locale, dir)) : readMessages(locale, dir);
}

/** Every language's texts, read and merged once per server process (never per request). */
export const MESSAGES = Object.fromEntries(routing.locales.map((l) => [l, messagesOf(l)])) as Record<AppLocale, Tree>;

/**
 * The messages for a user's language in either spelling (nl-BE, nl_BE): their own where the
 * portal speaks it, English otherwise.
 */
export function messagesFor(locale: string | null | undefined): { locale: AppLocale; messages: Messages } {
  const lang: AppLocale = appLocaleOf(locale) ?? "en";
  return { locale: lang, messages: MESSAGES[lang] as unknown as Messages };
}
