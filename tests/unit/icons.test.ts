/**
 * The icon sprite (docs/decisions/0046): public/icons.svg holds exactly the icons
 * components/ui/icons.tsx names, drawn as lucide-react draws them; every icon is a `<use>` of its
 * symbol, decorative unless named; and no page or component renders lucide-react's own
 * client-component icons any more.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as icons from "@/components/ui/icons";
// @ts-expect-error -- a plain .mjs script without types
import { buildSprite, iconNames, SPRITE_FILE } from "../../scripts/icons.mjs";

const sprite = readFileSync(SPRITE_FILE, "utf8");
const components = Object.entries(icons).filter(([, v]) => typeof v === "function") as [string, icons.Icon][];

describe("the icon sprite", () => {
  it("is current: what `npm run icons` would write from lucide-react, one symbol per declared icon", () => {
    expect(sprite).toBe(buildSprite());
    const ids = [...sprite.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(iconNames());
    expect(ids.sort()).toEqual(components.map(([name]) => name).sort());
    // A real drawing, not an empty symbol.
    expect(sprite).toMatch(/<symbol id="Plus"[^>]*><path d="M5 12h14"><\/path><path d="M12 5v14"><\/path><\/symbol>/);
  });

  it("every icon is a <use> of its own symbol at the versioned address, hidden from assistive technology", () => {
    for (const [name, Icon] of components) {
      const html = renderToStaticMarkup(createElement(Icon, { className: "size-4" }));
      expect(html).toBe(`<svg width="24" height="24" class="size-4" aria-hidden="true"><use href="/icons.svg?v=dev#${name}"></use></svg>`);
      expect(sprite).toContain(`<symbol id="${name}" `);
    }
  });

  it("an icon given a name is not hidden", () => {
    const html = renderToStaticMarkup(createElement(icons.Lock, { "aria-label": "Locked", className: "size-3" }));
    expect(html).toContain('aria-label="Locked"');
    expect(html).not.toContain("aria-hidden");
  });

  it("no page, component or library module imports lucide-react's icons", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const p = path.join(dir, entry);
        if (statSync(p).isDirectory()) walk(p);
        // An import, a dynamic import or a require, in either quotes.
        else if (/\.[cm]?[jt]sx?$/.test(entry) && /["']lucide-react(?:\/[^"']*)?["']/.test(readFileSync(p, "utf8"))) offenders.push(p);
      }
    };
    for (const dir of ["app", "components", "lib", "emails"]) walk(path.join(process.cwd(), dir));
    expect(offenders).toEqual([]);
  });
});
