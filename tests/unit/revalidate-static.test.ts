/**
 * The prerendered signed-out pages (app/[locale]/(static), docs/decisions/0041) are served with a
 * CSP of the build's script hashes. Revalidating a layout above them regenerates them at run time
 * with other scripts, which that CSP then refuses: no code may revalidate `/`, `/[locale]` or the
 * static group as a layout, nor their pages.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe("revalidatePath", () => {
  it("never reaches the prerendered signed-out pages", () => {
    const calls: string[] = [];
    for (const f of [...sources("app"), ...sources("lib"), ...sources("components")]) {
      for (const m of readFileSync(f, "utf8").matchAll(/revalidatePath\(\s*((?:"[^"]*"|'[^']*'|`[^`]*`)(?:\s*,\s*["'`]\w+["'`])?|[^)]*)\)/g)) calls.push(`${f}: ${m[1]}`);
    }
    expect(calls.length).toBeGreaterThan(5);
    const bad = calls.filter((c) => {
      const [, target, type] = /:\s*["'`]([^"'`]*)["'`]\s*(?:,\s*["'`](\w+)["'`])?/.exec(c) ?? [];
      if (target === undefined) return true; // a computed path: say which one it is
      if (target.includes("(static)")) return true;
      if (type === "layout" && (target === "/" || target === "/[locale]")) return true;
      return /^\/(\[locale\]|nl|nl-BE|en|fr)(\/sign-in|\/sign-up)?$/.test(target) && type !== "layout";
    });
    expect(bad).toEqual([]);
  });
});
