/**
 * The message files, one per feature and language (messages/<locale>/<feature>.json), merged
 * into one tree. Adding a language is one more folder; adding a feature is one more line here.
 */
import nlCore from "../messages/nl/core.json";
import enCore from "../messages/en/core.json";
import nlLinking from "../messages/nl/linking.json";
import enLinking from "../messages/en/linking.json";
import nlPassports from "../messages/nl/passports.json";
import enPassports from "../messages/en/passports.json";
import nlVerification from "../messages/nl/verification.json";
import enVerification from "../messages/en/verification.json";

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

export const MESSAGES = {
  nl: deepMerge(nlCore, nlLinking, nlPassports, nlVerification),
  en: deepMerge(enCore, enLinking, enPassports, enVerification),
} as const;

export type Messages = typeof enCore & typeof enLinking & typeof enPassports & typeof enVerification;
