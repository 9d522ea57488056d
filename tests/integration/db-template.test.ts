/**
 * The embedded database's migrated template (lib/server/db-template.ts, docs/decisions/0042): a
 * fresh database starts from it with every migration applied, an existing one is never replaced
 * by it, and a changed migration or PGlite never finds an old template.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/database";
import { ensureTemplate, readTemplate, templateFile } from "@/lib/server/db-template";
import { readMigrations } from "@/lib/server/migrate";

const dirs: string[] = [];
const tempDir = (stem: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `autodossier-${stem}-`));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
/** One folder of templates for this file: the first test makes it, the others reuse it. */
const templates = tempDir("template");

describe("the embedded database's schema template", () => {
  it("is made once, under a name only these migrations give", async () => {
    const dir = templates;
    expect(readTemplate(dir)).toBeUndefined();
    const first = await ensureTemplate(dir);
    expect(first).toEqual({ file: templateFile(readMigrations(), dir), made: true });
    expect(await ensureTemplate(dir)).toEqual({ file: first.file, made: false });
    // Nothing half-written is left beside it.
    expect(readdirSync(dir)).toEqual([path.basename(first.file)]);

    const migrations = readMigrations();
    const last = migrations[migrations.length - 1]!;
    const changed = [...migrations.slice(0, -1), { ...last, checksum: "0".repeat(64) }];
    expect(templateFile(changed, dir)).not.toBe(first.file);
    expect(templateFile(migrations.slice(0, -1), dir)).not.toBe(first.file);
  }, 120_000);

  it("gives a fresh database every migration, which migrate() then confirms", async () => {
    const dir = templates;
    await ensureTemplate(dir);
    const asked: string[] = [];
    const db = openDatabase({ dataDir: "memory://", template: () => (asked.push("template"), readTemplate(dir)) });
    try {
      expect(asked).toEqual(["template"]);
      expect(await db.pendingMigrations()).toEqual([]);
      expect(await db.migrate()).toEqual([]);
      const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(row!.n).toBe(readMigrations().length);
      // A working schema, not just the migrations table: a user can be stored and read back.
      await db.prisma.user.create({ data: { email: "template@example.test" } });
      expect(await db.prisma.user.count()).toBe(1);
    } finally {
      await db.close();
    }
  }, 120_000);

  it("never replaces a database that exists: its rows stay, and the template is not even read", async () => {
    await ensureTemplate(templates);
    const dataDir = tempDir("data");
    const first = openDatabase({ dataDir, template: () => readTemplate(templates) });
    try {
      await first.migrate();
      await first.prisma.user.create({ data: { email: "kept@example.test" } });
    } finally {
      await first.close();
    }
    let asked = 0;
    const again = openDatabase({ dataDir, template: () => (asked++, readTemplate(templates)) });
    try {
      expect(await again.prisma.user.findMany({ select: { email: true } })).toEqual([{ email: "kept@example.test" }]);
      expect(asked).toBe(0);
    } finally {
      await again.close();
    }
  }, 120_000);
});
