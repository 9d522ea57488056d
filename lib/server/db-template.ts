/**
 * A migrated, empty embedded database kept as a tarball (PGlite's `dumpDataDir`), from which a
 * fresh embedded database starts instead of running PostgreSQL's initdb and every migration:
 * about 1.5 s instead of 5–7 s on this machine (docs/decisions/0042). `npm start` makes it after a
 * build, the integration tests' global setup before their files open their in-memory databases.
 *
 * Its file name carries a hash of the PGlite version and of every migration's name and checksum,
 * so a new or changed migration, or another PGlite, never loads a stale template: it is simply
 * not found, and the database is made the slow way. Migrations still run after loading it (they
 * find everything applied and check the checksums).
 */
import { PGlite } from "@electric-sql/pglite";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedRunner } from "./database";
import { applyMigrations, readMigrations, type Migration } from "./migrate";

/** Where templates are kept: a cache beside the installed packages, never committed. */
export const TEMPLATE_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", ".cache", "autodossier");

function pgliteVersion(): string {
  try {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json");
    return (JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The template's file for these migrations and the installed PGlite. */
export function templateFile(migrations: Migration[] = readMigrations(), dir = TEMPLATE_DIR): string {
  const h = createHash("sha256").update(`pglite ${pgliteVersion()}\n`);
  for (const m of migrations) h.update(`${m.name} ${m.checksum}\n`);
  return path.join(dir, `pglite-schema-${h.digest("hex").slice(0, 16)}.tar.gz`);
}

/** The template for the committed migrations, if one was made; undefined otherwise. */
export function readTemplate(dir = TEMPLATE_DIR): Blob | undefined {
  const file = templateFile(readMigrations(), dir);
  if (!existsSync(/*turbopackIgnore: true*/ file)) return undefined;
  return new Blob([readFileSync(/*turbopackIgnore: true*/ file)]);
}

/**
 * Makes the template for the committed migrations unless it exists; returns its file and whether
 * it was made now. Written under a temporary name and renamed, so a reader never sees half a file
 * and two makers at once both succeed.
 */
export async function ensureTemplate(dir = TEMPLATE_DIR): Promise<{ file: string; made: boolean }> {
  const migrations = readMigrations();
  const file = templateFile(migrations, dir);
  if (existsSync(/*turbopackIgnore: true*/ file)) return { file, made: false };
  const client = new PGlite("memory://");
  try {
    await applyMigrations(embeddedRunner(client), migrations);
    const tarball = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
    mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
    const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
    try {
      writeFileSync(/*turbopackIgnore: true*/ partial, tarball);
      renameSync(/*turbopackIgnore: true*/ partial, file);
    } finally {
      rmSync(/*turbopackIgnore: true*/ partial, { force: true });
    }
    return { file, made: true };
  } finally {
    await client.close().catch(() => {});
  }
}
