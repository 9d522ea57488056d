/**
 * The message files, one per feature and language (messages/<locale>/<feature>.json), merged
 * into one tree. Adding a language is one more folder; adding a feature is one more line here.
 */
import nlCore from "../messages/nl/core.json";
import enCore from "../messages/en/core.json";

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
  nl: deepMerge(nlCore),
  en: deepMerge(enCore),
} as const;

export type Messages = typeof enCore;
