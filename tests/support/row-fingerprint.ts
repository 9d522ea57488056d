/**
 * What "rows written" means in the proof tests, counted by the database itself: a trigger on every
 * table counts each row inserted, updated or deleted by a transaction that commits (a rolled-back
 * transaction's counts roll back with it). A fingerprint is those counts per table; equal
 * fingerprints before and after a call prove it wrote no row. Installed into the test's own
 * database (tests/support/own-database.ts, or the per-file embedded one), never into the app's.
 * Not counted: Prisma's migrations table and the rate-limit counters, which record every attempt,
 * refused ones included, by design (docs/decisions/0016-signed-out-limits.md).
 */
import { db } from "@/lib/server/db";

export const NOT_COUNTED = new Set(["_prisma_migrations", "RateLimitBucket", "_proof_writes"]);

export type Fingerprint = Map<string, bigint>;

let installed: Promise<void> | undefined;

async function install(): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_proof_writes" (tbl text PRIMARY KEY, n bigint NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION "_proof_count"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "_proof_writes" (tbl, n) VALUES (TG_TABLE_NAME, 1) ON CONFLICT (tbl) DO UPDATE SET n = "_proof_writes".n + 1;
      RETURN NULL;
    END $$`);
  const tables = await db.$queryRawUnsafe<{ t: string }[]>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  for (const { t } of tables) {
    if (NOT_COUNTED.has(t)) continue;
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "_proof_count" ON "${t}"`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "_proof_count" AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION "_proof_count"()`);
  }
}

export async function rowFingerprint(): Promise<Fingerprint> {
  await (installed ??= install());
  const rows = await db.$queryRawUnsafe<{ tbl: string; n: bigint }[]>(`SELECT tbl, n FROM "_proof_writes"`);
  return new Map(rows.map((r) => [r.tbl, BigInt(r.n)]));
}

/** The tables written between two fingerprints, with the number of rows (empty: nothing was written). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((t) => after.get(t) !== before.get(t)).map((t) => `${t} (${after.get(t)! - (before.get(t) ?? 0n)} rows)`);
}

/** The number of rows written between two fingerprints. */
export function rowsWritten(before: Fingerprint, after: Fingerprint): number {
  let n = 0n;
  for (const [t, count] of after) n += count - (before.get(t) ?? 0n);
  return Number(n);
}
