/**
 * The message files, one per feature and language (messages/<locale>/<feature>.json), merged
 * into one tree per language the portal speaks (i18n/routing.ts). Read from disk once, on the
 * server (the client gets its messages from the server's provider).
 *
 * Adding a language: a folder messages/<locale>/ with the same files as messages/en/, and the
 * locale in i18n/routing.ts. A user whose language has no folder yet (an account set to French)
 * reads English. Adding a feature file: the file in every folder, and its type below.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isLocale, routing, type AppLocale } from "./routing";
import type enAppointments from "../messages/en/appointments.json";
import type enCore from "../messages/en/core.json";
import type enDossier from "../messages/en/dossier.json";
import type enInbox from "../messages/en/inbox.json";
import type enDrivers from "../messages/en/drivers.json";
import type enFleet from "../messages/en/fleet.json";
import type enLinking from "../messages/en/linking.json";
import type enPassports from "../messages/en/passports.json";
import type enRecalls from "../messages/en/recalls.json";
import type enVerification from "../messages/en/verification.json";
import type enPrivacy from "../messages/en/privacy.json";

export type Messages = typeof enAppointments & typeof enCore & typeof enDossier & typeof enDrivers & typeof enFleet & typeof enInbox & typeof enLinking & typeof enPassports & typeof enPrivacy & typeof enRecalls & typeof enVerification;

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

export const MESSAGES = Object.fromEntries(routing.locales.map((l) => [l, readMessages(l)])) as Record<AppLocale, Tree>;

/** The messages for a user's language: their own where the portal speaks it, English otherwise. */
export function messagesFor(locale: string | null | undefined): { locale: AppLocale; messages: Messages } {
  const lang: AppLocale = isLocale(locale) ? locale : "en";
  return { locale: lang, messages: MESSAGES[lang] as unknown as Messages };
}
