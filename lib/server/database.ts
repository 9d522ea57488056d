/**
 * Opens Prisma on PostgreSQL (node-postgres pool) or on the embedded PGlite, and offers a raw
 * SQL runner for migrations. Framework-free: used by the app, scripts and tests alike.
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "../../generated/prisma/client";
import { applyMigrations, pendingMigrations, type SqlRunner } from "./migrate";

export type Prisma = PrismaClient;

/**
 * How long a transaction waits for a pooled connection, and how long it may run. Prisma's
 * defaults (2 s and 5 s) turn a burst of concurrent changes on a busy machine (20 buyers
 * accepting at once against a pool of 10) into "Unable to start a transaction in the given
 * time" instead of a queue; every change here is short, so waiting longer is the right answer.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  kind: "postgres" | "embedded";
  prisma: PrismaClient;
  sql: SqlRunner;
  migrate(log?: (m: string) => void): Promise<string[]>;
  /** The committed migrations not yet applied to this database (readiness). */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * `poolSize`: connections this process keeps to PostgreSQL (DATABASE_POOL_SIZE). With several
 * nodes, nodes × pool size must stay under the server's max_connections (or PgBouncer's pool).
 * `template`: gives a migrated embedded database (lib/server/db-template.ts), or undefined, for a
 * fresh embedded database to start from; asked only when the database is fresh.
 */
export function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize?: number; template?: () => Blob | undefined }): Database {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openEmbedded(opts.dataDir, opts.template);
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  const runner = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params as unknown[])).rows as T[];
    },
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query("BEGIN");
        const result = await fn(runner(conn));
        await conn.query("COMMIT");
        return result;
      } catch (e) {
        await conn.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        conn.release();
      }
    },
  });
  const sql = runner(pool);
  return {
    kind: "postgres",
    prisma,
    sql,
    migrate: (log) => applyMigrations(sql, undefined, log),
    pendingMigrations: () => pendingMigrations(sql),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

/** Raw SQL on an embedded database, transactions included (migrations, the schema template). */
export function embeddedRunner(client: PGlite): SqlRunner {
  const runner = (c: Pick<PGlite, "exec" | "query">): SqlRunner => ({
    async exec(sql) {
      await c.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await c.query<T>(sql, params)).rows;
    },
    async transaction(fn) {
      return client.transaction((tx) => fn(runner(tx)));
    },
  });
  return runner(client);
}

function openEmbedded(dataDir: string, template?: () => Blob | undefined): Database {
  let dir = dataDir;
  let fresh = true;
  if (!dataDir.startsWith("memory://")) {
    dir = path.resolve(dataDir, "pglite");
    fresh = !existsSync(path.join(dir, "PG_VERSION"));
    mkdirSync(dir, { recursive: true });
  }
  const loadDataDir = fresh ? template?.() : undefined;
  const client = new PGlite(dir, loadDataDir ? { loadDataDir } : {});
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client), transactionOptions: TRANSACTION_OPTIONS });
  const sql = embeddedRunner(client);
  return {
    kind: "embedded",
    prisma,
    sql,
    migrate: (log) => applyMigrations(sql, undefined, log),
    pendingMigrations: () => pendingMigrations(sql),
    async close() {
      await prisma.$disconnect();
      await client.close().catch(() => {});
    },
  };
}
