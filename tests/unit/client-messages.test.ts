/**
 * The browser gets only the message namespaces a page's client components use (issue 15, goal 5;
 * docs/decisions/0039-page-speed.md). Each client module that needs texts is used by server code
 * through its wrapper (<name>.tsx around <name>.client.tsx), whose lists must be what the sources
 * use: a form that starts using another namespace without its list saying so would show raw keys.
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isClientModule, namespacesOf, resolveImport } from "../../scripts/client-namespaces.mjs";
import { pickMessages, ROOT_CLIENT_NAMESPACES } from "@/i18n/pick";

const ROOT = path.resolve(import.meta.dirname, "../..");
const files: string[] = [];
const walk = (d: string) => {
  for (const f of readdirSync(d)) {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(f)) files.push(p);
  }
};
for (const d of ["app", "components", "lib", "emails"]) walk(path.join(ROOT, d));
const rel = (f: string) => path.relative(ROOT, f);
const clientModules = files.filter((f) => isClientModule(f));
const wrappers = files.filter((f) => f.endsWith(".tsx") && !f.endsWith(".client.tsx") && existsSync(f.replace(/\.tsx$/, ".client.tsx")));

function importsOf(file: string): { names: string[]; target: string }[] {
  const src = readFileSync(file, "utf8");
  const out: { names: string[]; target: string }[] = [];
  for (const m of src.matchAll(/import\s+(?!type\b)\{([^}]*)\}\s+from\s+["']([^"']+)["']/g)) {
    const target = resolveImport(file, m[2], ROOT);
    if (!target) continue;
    const names = m[1]
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p && !p.startsWith("type "))
      .map((p) => p.split(/\s+as\s+/)[0]);
    out.push({ names, target });
  }
  return out;
}

describe("client messages", () => {
  it("finds the wrappers and client modules it checks", () => {
    expect(wrappers.length).toBeGreaterThan(20);
    expect(clientModules.length).toBeGreaterThan(wrappers.length);
  });

  it.each(wrappers.map(rel))("%s sends exactly the namespaces its forms use", (wrapper) => {
    const file = path.join(ROOT, wrapper);
    const client = file.replace(/\.tsx$/, ".client.tsx");
    const src = readFileSync(file, "utf8");
    const declared = [...src.matchAll(/export const (\w+) = withMessages\(C\.(\w+), (\[[^\]]*\])\);/g)];
    expect(declared.length).toBeGreaterThan(0);
    for (const [, name, inner, list] of declared) {
      expect(inner).toBe(name);
      expect({ name, namespaces: JSON.parse(list) }).toEqual({ name, namespaces: namespacesOf(client, name) });
    }
    // Nothing else in a wrapper: every value it exports is a wrapped form.
    const exported = [...src.matchAll(/^export (?!type \*)(?:const|function|\{)\s*(\w+)?/gm)].length;
    expect(exported).toBe(declared.length);
  });

  it("every client component outside the root layout's namespaces is reached through its wrapper", () => {
    const problems: string[] = [];
    for (const file of files) {
      if (isClientModule(file)) continue;
      for (const { names, target } of importsOf(file)) {
        if (!isClientModule(target)) continue;
        if (target === file.replace(/\.tsx$/, ".client.tsx")) continue; // the wrapper itself
        for (const name of names) {
          const needs = namespacesOf(target, name).filter((ns: string) => !ROOT_CLIENT_NAMESPACES.some((r) => ns === r || ns.startsWith(`${r}.`)));
          if (needs.length) problems.push(`${rel(file)} renders ${name} from ${rel(target)}, which needs ${needs.join(", ")}: import it from its wrapper`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("client modules never import a wrapper (a server component inside client code)", () => {
    const problems: string[] = [];
    for (const file of clientModules) {
      for (const { target } of importsOf(file)) if (wrappers.includes(target)) problems.push(`${rel(file)} imports ${rel(target)}`);
    }
    expect(problems).toEqual([]);
  });

  it("every useTranslations in client code names its namespace", () => {
    for (const file of clientModules) {
      const src = readFileSync(file, "utf8");
      expect({ file: rel(file), bare: /useTranslations\(\s*\)/.test(src) }).toEqual({ file: rel(file), bare: false });
    }
  });
});

describe("pickMessages", () => {
  const tree = { auth: { a: "A" }, passports: { profile: { p: "P" }, form: { f: "F" }, other: { o: "O" } }, common: { c: "C" } };

  it("keeps only the namespaces asked for, nested as in the tree", () => {
    expect(pickMessages(tree, ["auth", "passports.profile"])).toEqual({ auth: { a: "A" }, passports: { profile: { p: "P" } } });
  });

  it("shares the tree's own objects and never changes the tree", () => {
    const before = JSON.stringify(tree);
    const picked = pickMessages(tree, ["passports.form", "passports", "common"]);
    expect(picked.passports).toBe(tree.passports);
    expect(picked.common).toBe(tree.common);
    expect(JSON.stringify(tree)).toBe(before);
  });

  it("merges two namespaces under one parent and skips an unknown one", () => {
    expect(pickMessages(tree, ["passports.form", "passports.profile", "nope.x"])).toEqual({ passports: { form: { f: "F" }, profile: { p: "P" } } });
  });
});
