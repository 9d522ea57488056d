// Which message namespaces each client component uses, read from the sources: its own
// useTranslations("ns") calls, and those of the components it renders, in its file or imported
// from other client modules. The server wrappers (components/**/<name>.tsx around
// <name>.client.tsx, see components/i18n/with-messages.tsx) send the browser exactly these
// namespaces; tests/unit/client-messages.test.ts compares the two.
//
// `node scripts/client-namespaces.mjs components/auth/forms.client.tsx` prints each export's list.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const DECL = /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\s+(\w+)|(?:const|let)\s+(\w+)\s*[=:])/;

/** True for a module whose first statement is "use client". */
export function isClientModule(file) {
  return /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(readFileSync(file, "utf8"));
}

/** A module specifier (relative or "@/") as a file of this project, or null for a package. */
export function resolveImport(from, spec, root = process.cwd()) {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ["", ".tsx", ".ts", "/index.tsx", "/index.ts"]) {
    const f = base + ext;
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

/** A module's top-level declarations with the text up to the next one. */
function declarations(src) {
  const lines = src.split("\n");
  const out = new Map();
  let current = null;
  for (const line of lines) {
    const m = line.match(DECL);
    if (m) {
      current = m[1] ?? m[2];
      out.set(current, "");
    } else if (/^(?:export\s+)?(?:type|interface|import)\b/.test(line)) {
      current = null;
    }
    if (current) out.set(current, out.get(current) + line + "\n");
  }
  return out;
}

/** The names a module imports from other client modules of the project: name -> file. */
function clientImports(file, src) {
  const out = new Map();
  for (const m of src.matchAll(/import\s+(?!type\b)\{([^}]*)\}\s+from\s+["']([^"']+)["']/g)) {
    const target = resolveImport(file, m[2]);
    if (!target || !isClientModule(target)) continue;
    for (const part of m[1].split(",")) {
      const [orig, alias] = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/);
      if (orig) out.set(alias ?? orig, { file: target, name: orig });
    }
  }
  return out;
}

const cache = new Map();

/** The sorted namespaces that `name` of the client module `file` uses, directly or through what it renders. */
export function namespacesOf(file, name, seen = new Set()) {
  const key = `${path.resolve(file)}#${name}`;
  if (cache.has(key)) return cache.get(key);
  if (seen.has(key)) return [];
  seen.add(key);
  const src = readFileSync(file, "utf8");
  const decls = declarations(src);
  const imports = clientImports(file, src);
  const body = decls.get(name);
  if (body === undefined) throw new Error(`${file} declares no ${name}`);
  const found = new Set();
  for (const m of body.matchAll(/useTranslations\(\s*(?:["']([^"']+)["'])?\s*\)/g)) {
    if (!m[1]) throw new Error(`${file} ${name}: useTranslations() without a namespace sends every message`);
    found.add(m[1]);
  }
  for (const other of decls.keys()) {
    if (other !== name && new RegExp(`\\b${other}\\b`).test(body)) for (const ns of namespacesOf(file, other, seen)) found.add(ns);
  }
  for (const [local, target] of imports) {
    if (new RegExp(`\\b${local}\\b`).test(body)) for (const ns of namespacesOf(target.file, target.name, seen)) found.add(ns);
  }
  const result = minimal([...found]);
  cache.set(key, result);
  return result;
}

/** Drops a namespace that another in the list contains ("passports" covers "passports.profile"). */
export function minimal(namespaces) {
  const set = [...new Set(namespaces)].sort();
  return set.filter((ns) => !set.some((o) => o !== ns && ns.startsWith(o + ".")));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(\w+)/gm)) console.log(`${file} ${m[1]}: ${JSON.stringify(namespacesOf(file, m[1]))}`);
  }
}
