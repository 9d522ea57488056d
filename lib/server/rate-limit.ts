/**
 * Fixed-window rate limits kept in the database (so they hold across processes and restarts).
 * One atomic upsert per hit.
 */
import type { PrismaClient } from "../../generated/prisma/client";

export interface Limit {
  max: number;
  windowMs: number;
}

export const LIMITS = {
  signInPerAccount: { max: 5, windowMs: 15 * 60_000 },
  signInPerAddress: { max: 50, windowMs: 15 * 60_000 },
  resetPerAccount: { max: 3, windowMs: 60 * 60_000 },
  resetPerAddress: { max: 20, windowMs: 60 * 60_000 },
  activationPerAccount: { max: 3, windowMs: 60 * 60_000 },
  activationPerAddress: { max: 20, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>;

/** Counts a hit; returns false when the key is over its limit for the current window. */
export async function hit(prisma: PrismaClient, key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" (key, count, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."windowStart" < ${windowStart} THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < ${windowStart} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING count`;
  return (rows[0]?.count ?? 0) <= limit.max;
}

export async function clear(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.rateLimitBucket.deleteMany({ where: { key } });
}
