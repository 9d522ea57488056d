/**
 * The app's callable surface, found in the code itself: every export of every module under lib/
 * or app/ that starts with "use server" (today the `lib/<feature>/actions.ts` files), and every
 * HTTP-method export of every `app/**\/route.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function walk(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...walk(rel, match));
    else if (match(e.name)) out.push(rel);
  }
  return out.sort();
}

export interface Export {
  /** "<file>#<export>", the key of its entry in tests/support/surface.ts. */
  key: string;
  file: string;
  name: string;
  kind: "action" | "route";
  fn: (...args: never[]) => Promise<unknown>;
}

export async function serverActionFiles(): Promise<string[]> {
  const sources = [...walk("lib", (n) => /\.tsx?$/.test(n)), ...walk("app", (n) => /\.tsx?$/.test(n))];
  return sources.filter((f) => /^\s*["']use server["'];?/.test(readFileSync(path.join(ROOT, f), "utf8")));
}

export async function surfaceExports(): Promise<Export[]> {
  const out: Export[] = [];
  for (const file of await serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn === "function") out.push({ key: `${file}#${name}`, file, name, kind: "action", fn: fn as Export["fn"] });
    }
  }
  for (const file of walk("app", (n) => n === "route.ts")) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (METHODS.has(name) && typeof fn === "function") out.push({ key: `${file}#${name}`, file, name, kind: "route", fn: fn as Export["fn"] });
    }
  }
  return out;
}

/** The message for exports without an entry (empty when every export has one). */
export function missingEntries(found: Export[], entries: Record<string, unknown>): string[] {
  return found
    .filter((e) => !(e.key in entries))
    .map((e) => `${e.kind === "action" ? "action" : "route handler"} ${e.name} in ${e.file} has no access-matrix entry: add "${e.key}" to tests/support/surface.ts`);
}
