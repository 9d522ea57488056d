// `npm run icons`: writes public/icons.svg, the sprite of the icons components/ui/icons.tsx
// names (docs/decisions/0046), from lucide-react's own drawings. Each icon is a <symbol> with
// lucide's viewBox and stroke, so a <use> of it draws as lucide-react's component did.
// Whether the committed sprite is current is tests/unit/icons.test.ts's to say.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as lucide from "lucide-react";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SPRITE_FILE = path.join(root, "public", "icons.svg");

/** The icon names components/ui/icons.tsx declares, in its order. */
export function iconNames() {
  const source = readFileSync(path.join(root, "components", "ui", "icons.tsx"), "utf8");
  return [...source.matchAll(/icon\("([A-Za-z0-9]+)"\)/g)].map((m) => m[1]);
}

/** The sprite's text: one symbol per icon, its inner drawing as lucide-react renders it. */
export function buildSprite(names = iconNames()) {
  const symbols = names.map((name) => {
    const component = lucide[name];
    if (!component) throw new Error(`lucide-react has no icon ${name}`);
    const svg = renderToStaticMarkup(createElement(component));
    const inner = svg.replace(/^<svg[^>]*>/, "").replace(/<\/svg>$/, "");
    return `<symbol id="${name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${inner}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">\n${symbols.join("\n")}\n</svg>\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sprite = buildSprite();
  writeFileSync(SPRITE_FILE, sprite);
  console.log(`public/icons.svg: ${iconNames().length} icons, ${sprite.length} bytes`);
}
