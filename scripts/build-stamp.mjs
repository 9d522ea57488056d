// Decides whether `next build` must run: a stamp of every source file's path, size and mtime.
// After a build, makeDbTemplate() makes the migrated embedded-database template.
import { spawnSync } from "node:child_process";
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

/**
 * The migrated embedded-database template for the committed migrations (scripts/db-template.ts,
 * docs/decisions/0042), made after a build so that a fresh embedded database starts in about a
 * second and a half. A failure costs only that speed: the database is then made the slow way.
 */
export function makeDbTemplate(env = process.env) {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db-template.ts"], { stdio: "inherit", env });
  if (r.status !== 0) console.warn("[db-template] not made: a fresh embedded database will run initdb and every migration");
}
