// Decides whether `next build` must run: a stamp of every source file's path, size and mtime.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "i18n", "messages", "emails", "prisma", "public", "generated"];
const FILES = ["next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const DIST = process.env.NEXT_DIST_DIR || ".next";
const STAMP = `${DIST}/autodossier-build-stamp`;

function walk(dir, out) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

export function sourceStamp() {
  const files = [];
  for (const d of SOURCES) walk(d, files);
  for (const f of FILES) if (existsSync(f)) files.push(f);
  const h = createHash("sha256");
  for (const f of files.sort()) {
    const s = statSync(f);
    h.update(`${f}:${s.size}:${s.mtimeMs}\n`);
  }
  return h.digest("hex");
}

export function buildIsCurrent() {
  return existsSync(`${DIST}/BUILD_ID`) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceStamp();
}

export function writeStamp() {
  writeFileSync(STAMP, sourceStamp());
}
