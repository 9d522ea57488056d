/**
 * lib/server/migrate.ts on the real database, in a schema of its own: each migration runs in its
 * own transaction (decision 0002), a changed applied migration stops the run, and migrators
 * started at once apply each migration once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database } from "@/lib/server/db";
import { applyMigrations, type Migration, type SqlRunner } from "@/lib/server/migrate";
import { uid } from "../factories";

const schema = `migrate_test_${uid()}`;
let runner: SqlRunner;

const m = (name: string, sql: string): Migration => ({ name, sql, checksum: `sum-${name}-${sql.length}` });

/** A runner whose every statement runs with the test schema first on the search path. */
function inSchema(r: SqlRunner): SqlRunner {
  const prefix = `SET LOCAL search_path TO "${schema}";`;
  return {
    exec: (sql) => r.transaction(async (tx) => tx.exec(`${prefix}${sql}`)),
    query: (sql, params) => r.transaction(async (tx) => (await tx.exec(prefix), tx.query(sql, params))),
    transaction: (fn) =>
      r.transaction(async (tx) => {
        await tx.exec(prefix);
        return fn(tx);
      }),
  };
}

beforeAll(async () => {
  await database().sql.exec(`CREATE SCHEMA "${schema}"`);
  runner = inSchema(database().sql);
});

afterAll(async () => {
  await database().sql.exec(`DROP SCHEMA "${schema}" CASCADE`);
});

describe("applyMigrations", () => {
  it("runs each migration in its own transaction: a failing one leaves the earlier ones applied and itself not at all", async () => {
    const first = m("001_first", `CREATE TABLE "${schema}".a (id int)`);
    const broken = m("002_broken", `CREATE TABLE "${schema}".b (id int); SELECT no_such_function();`);
    await expect(applyMigrations(runner, [first, broken])).rejects.toThrow();
    const tables = await database().sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
    expect(tables.map((t) => t.table_name)).toEqual(["_prisma_migrations", "a"]);
    const recorded = await runner.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["001_first"]);

    const fixed = m("002_broken", `CREATE TABLE "${schema}".b (id int)`);
    expect(await applyMigrations(runner, [first, fixed])).toEqual(["002_broken"]);
    expect(await applyMigrations(runner, [first, fixed])).toEqual([]);
  });

  it("refuses a migration changed after it was applied", async () => {
    const changed = m("001_first", `CREATE TABLE "${schema}".a (id int, other int)`);
    await expect(applyMigrations(runner, [changed])).rejects.toThrow(/changed after it was applied/);
  });

  it("applies each migration once when several migrators start at once", async () => {
    const next = [m("003_c", `CREATE TABLE "${schema}".c (id int)`), m("004_d", `CREATE TABLE "${schema}".d (id int)`)];
    const all = [m("001_first", `CREATE TABLE "${schema}".a (id int)`), m("002_broken", `CREATE TABLE "${schema}".b (id int)`), ...next];
    const results = await Promise.all(Array.from({ length: 5 }, () => applyMigrations(runner, all)));
    expect(results.flat().sort()).toEqual(["003_c", "004_d"]);
    const [{ n }] = await runner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name IN ('003_c', '004_d')`);
    expect(n).toBe(2);
  });
});
