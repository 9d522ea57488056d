/**
 * Gives one integration test file a database of its own on PostgreSQL, so that counting the rows
 * of every table (tests/support/row-fingerprint.ts) sees only what this file's calls wrote, not
 * what test files running in parallel on the shared test database write. Import it first in the
 * file. On the embedded database each file already has its own in-memory database: nothing to do.
 */
import { afterAll } from "vitest";
import { randomBytes } from "node:crypto";
import pg from "pg";

const base = process.env.DATABASE_URL;
if (base) {
  const url = new URL(base);
  // PostgreSQL keeps 63 characters of a name: shorten the stem, never the random part.
  const name = `${(url.pathname.slice(1) || "postgres").slice(0, 45)}_own_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  afterAll(async () => {
    const { database } = await import("@/lib/server/db");
    await database().close();
    (globalThis as { __autodossierDb?: unknown }).__autodossierDb = undefined;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    // Connections still closing would be cut by FORCE with an error: give them a moment first.
    for (let i = 0; ; i++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}"${i >= 40 ? " WITH (FORCE)" : ""}`);
        break;
      } catch (e) {
        if (i >= 40) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await c.end();
  });
}
export {};
