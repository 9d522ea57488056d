/**
 * Fixed-window rate limits kept in the database (so they hold across processes and restarts).
 * One atomic upsert per hit.
 */
import type { PrismaClient } from "../../generated/prisma/client";

export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * The limits of the signed-out forms, each counted before any password is hashed
 * (docs/decisions/0016-signed-out-limits.md). "Address" is the client's network address,
 * "account" the e-mail address the form names. Maxima marked "env" are overridden by
 * RATE_LIMIT_SIGNIN_PER_ADDRESS and RATE_LIMIT_FORMS_PER_ADDRESS.
 */
export const LIMITS = {
  /** Sign-in attempts for one account from one address: a stranger elsewhere cannot lock the owner out. */
  signInPerAccountAndAddress: { max: 5, windowMs: 15 * 60_000 },
  /** Sign-in attempts from one address, whatever the account (env). */
  signInPerAddress: { max: 50, windowMs: 15 * 60_000 },
  /** Sign-up and reset requests naming one e-mail address: at most this many e-mails to it (activation, reset, "you already have an account"). */
  accountMailPerAccount: { max: 3, windowMs: 60 * 60_000 },
  /** Sign-ups from one address (env). */
  signUpPerAddress: { max: 20, windowMs: 60 * 60_000 },
  /** Reset requests from one address (env). */
  resetPerAddress: { max: 20, windowMs: 60 * 60_000 },
  /** Forms that set a password from an e-mailed link (activation, reset, invitation, transfer) from one address (env). */
  linkPerAddress: { max: 20, windowMs: 60 * 60_000 },
  /** The same forms for one account. */
  linkPerAccount: { max: 10, windowMs: 60 * 60_000 },
  /** "Did not get the activation e-mail?" requests from one address (env). */
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
