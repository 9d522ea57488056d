#!/usr/bin/env node
/**
 * What a translation pass has to do, as JSON on stdout:
 *
 *   node scripts/missing-translations.mjs            every language against English
 *   node scripts/missing-translations.mjs fr         only French
 *
 * English (messages/en/) is the reference. For each full language folder (nl, fr) it lists, per
 * file of messages/en/, the keys English has and the folder lacks ("missing", with the English
 * text to translate) and the keys the folder has that English does not ("extra": renamed or
 * removed keys to delete). For a variant folder (nl-BE, only overrides merged over nl) it lists
 * override keys nl does not have ("extra") and the nl texts that still use a word the variant
 * replaces ("needsOverride": "kenteken" for a Belgian reader). Exit code 1 when anything is listed.
 *
 * The same functions back tests/unit/message-parity.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MESSAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "messages");

/** The reference language, the full translations, and the variants with the language they override. */
export const REFERENCE = "en";
export const VARIANTS = { "nl-BE": "nl" };
/** Words a variant's reader must never see, with the words they read instead. */
export const VARIANT_WORDS = {
  "nl-BE": [
    { word: /kenteken(?!bewijs|card)/i, instead: "nummerplaat" },
    { word: /kentekenbewijs|kentekencard/i, instead: "inschrijvingsbewijs" },
  ],
};

/** The message folders next to English (every folder that is not a variant). */
export function languages(dir = MESSAGES_DIR) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== REFERENCE && !(d.name in VARIANTS))
    .map((d) => d.name)
    .sort();
}

function jsonFiles(folder) {
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".json")).sort() : [];
}

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
}

/** A message tree as { "a.b.c": text }. */
export function flatten(tree, prefix = "") {
  const out = {};
  for (const [k, v] of Object.entries(tree)) {
    if (v !== null && typeof v === "object") Object.assign(out, flatten(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/**
 * Per file of the reference: the keys a language lacks (with the English text) and the keys it has
 * that English does not. Files the language has and English does not count as all extra.
 */
export function compareLanguage(locale, dir = MESSAGES_DIR) {
  const result = {};
  const files = new Set([...jsonFiles(path.join(dir, REFERENCE)), ...jsonFiles(path.join(dir, locale))]);
  for (const file of [...files].sort()) {
    const en = flatten(read(path.join(dir, REFERENCE, file)));
    const tr = flatten(read(path.join(dir, locale, file)));
    const missing = Object.fromEntries(Object.entries(en).filter(([k]) => !(k in tr)));
    const extra = Object.keys(tr).filter((k) => !(k in en));
    if (Object.keys(missing).length || extra.length) {
      result[file] = {};
      if (Object.keys(missing).length) result[file].missing = missing;
      if (extra.length) result[file].extra = extra;
    }
  }
  return result;
}

/**
 * A variant: override keys its base language does not have (an override of nothing), and the base
 * texts with a word the variant replaces that no override covers.
 */
export function compareVariant(variant, dir = MESSAGES_DIR) {
  const base = VARIANTS[variant];
  const result = {};
  const files = new Set([...jsonFiles(path.join(dir, base)), ...jsonFiles(path.join(dir, variant))]);
  for (const file of [...files].sort()) {
    const baseKeys = flatten(read(path.join(dir, base, file)));
    const overrides = flatten(read(path.join(dir, variant, file)));
    const extra = Object.keys(overrides).filter((k) => !(k in baseKeys));
    const words = VARIANT_WORDS[variant] ?? [];
    const needsOverride = Object.fromEntries(
      Object.entries({ ...baseKeys, ...overrides })
        .filter(([, text]) => words.some(({ word }) => word.test(text)))
        .map(([k, text]) => [k, text]),
    );
    if (extra.length || Object.keys(needsOverride).length) {
      result[file] = {};
      if (extra.length) result[file].extra = extra;
      if (Object.keys(needsOverride).length) result[file].needsOverride = needsOverride;
    }
  }
  return result;
}

/** Everything a translation pass has to do, per folder; an empty object when nothing. */
export function missingTranslations(dir = MESSAGES_DIR, only) {
  const out = {};
  for (const locale of [...languages(dir), ...Object.keys(VARIANTS)]) {
    if (only && locale !== only) continue;
    const r = locale in VARIANTS ? compareVariant(locale, dir) : compareLanguage(locale, dir);
    if (Object.keys(r).length) out[locale] = r;
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = missingTranslations(MESSAGES_DIR, process.argv[2]);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = Object.keys(report).length ? 1 : 0;
}
