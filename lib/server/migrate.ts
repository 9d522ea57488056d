/**
 * Applies the committed migrations (prisma/migrations/<name>/migration.sql) in folder order,
 * each in one transaction, and records them in Prisma's own `_prisma_migrations` table, on the
 * embedded database and on PostgreSQL alike. The Prisma CLI cannot run here (it downloads a
 * native engine), see docs/decisions/0002-migrations-offline.md.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn inside one transaction on one connection. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending migrations, each in its own transaction (a failing migration leaves the ones
 * before it applied and recorded, and itself not at all); returns the names applied. Each
 * transaction takes the same advisory lock and checks again whether its migration is done, so
 * several processes starting at once on PostgreSQL apply each migration once.
 */
export async function applyMigrations(
  runner: SqlRunner,
  migrations: Migration[] = readMigrations(),
  log: (msg: string) => void = () => {},
): Promise<string[]> {
  const applied: string[] = [];
  for (const m of migrations) {
    const ran = await runner.transaction(async (tx) => {
      // Serialise concurrent migrators (parallel test workers, two servers starting).
      await tx.exec("SELECT pg_advisory_xact_lock(727073690)");
      await tx.exec(CREATE_TABLE);
      const [done] = await tx.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [m.name],
      );
      if (done) {
        if (done.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied. Migrations are append-only: add a new one instead.`);
        }
        return false;
      }
      log(`applying migration ${m.name}`);
      await tx.exec(m.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      return true;
    });
    if (ran) applied.push(m.name);
  }
  return applied;
}

let committed: string[] | undefined;

/** Committed migrations (read from disk once per process) that this database has not applied. */
export async function pendingMigrations(runner: SqlRunner): Promise<string[]> {
  committed ??= readMigrations().map((m) => m.name);
  const [exists] = await runner.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists?.t) return committed;
  const done = new Set(
    (await runner.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).map((r) => r.migration_name),
  );
  return committed.filter((n) => !done.has(n));
}
