/**
 * What "rows written" means in the proof tests: for every table, its number of rows and a sum of
 * the hashes of its rows' text. An insert or a delete changes the count; an update changes the sum.
 * Taken before and after a call (or a batch of calls), an unchanged fingerprint proves nothing was
 * written. Left out: Prisma's migrations table and the rate-limit counters, which record every
 * attempt, refused ones included, by design (docs/decisions/0016-signed-out-limits.md).
 */
import { db } from "@/lib/server/db";

export const NOT_COUNTED = new Set(["_prisma_migrations", "RateLimitBucket"]);

export type Fingerprint = Map<string, string>;

let query: string | undefined;

export async function rowFingerprint(): Promise<Fingerprint> {
  if (!query) {
    const tables = await db.$queryRawUnsafe<{ t: string }[]>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    query = tables
      .map((r) => r.t)
      .filter((t) => !NOT_COUNTED.has(t))
      .map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text AS f FROM "${t}" x`)
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<{ t: string; f: string }[]>(query);
  return new Map(rows.map((r) => [r.t, r.f]));
}

/** The tables whose rows differ between two fingerprints (empty: nothing was written). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
