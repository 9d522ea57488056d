/**
 * The retention job (issue 14 point 6, docs/decisions/0031): deletes what no longer has a reason
 * to be kept. Registered in lib/jobs/registry.ts, run hourly by the server. Each rule is one
 * statement whose condition is false once done, so a second run (or a second server) deletes
 * nothing: the counts of a second run are 0.
 */
import { db } from "../server/db";
import { log } from "../server/log";

const DAY = 86_400_000;

/** The periods decided in docs/decisions/0031 (where each is enforced: here). */
export const RETENTION = {
  /** An account never activated (sign-up, a garage's or dealer's buyer who never came). */
  unactivatedAccountDays: 30,
  /** Used and expired links are kept a week, so a link followed twice still says "already used". */
  spentTokenDays: 7,
  /** Ended sessions (signed out, revoked or expired), a day after they ended. */
  endedSessionDays: 1,
  /** E-mail bodies and addresses in the outbox, once sent or failed. */
  outboxDays: 90,
  /** An opt-in never confirmed: the request (its link expired after 7 days). */
  pendingConsentDays: 30,
  /** Rate-limit counters whose window is long past. */
  rateLimitDays: 1,
  /** Verified facts (proof of a verification): 5 years after the holding they prove ended. */
  verifiedFactsYears: 5,
} as const;

export type RetentionCounts = Record<"unactivatedAccounts" | "tokens" | "sessions" | "outboxBodies" | "pendingConsents" | "rateLimits" | "verifiedFacts", number>;

export async function runRetention(now: Date = new Date()): Promise<RetentionCounts> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const factsCutoff = new Date(now);
  factsCutoff.setUTCFullYear(factsCutoff.getUTCFullYear() - RETENTION.verifiedFactsYears);

  // Never activated, and nothing refers to it that must stay (a car, an organisation's records).
  const unactivated = await db.user.deleteMany({
    where: {
      status: "INVITED",
      createdAt: { lt: ago(RETENTION.unactivatedAccountDays) },
      lastSignInAt: null,
      holdings: { none: {} },
      invitationsAccepted: { none: {} },
      invitationsCreated: { none: {} },
      factsVerified: { none: {} },
      passportsCreated: { none: {} },
      transfersConfirmed: { none: {} },
      transfersReceived: { none: { status: "PENDING" } },
      verificationRequests: { none: {} },
      verificationsClaimed: { none: {} },
      verificationsDecided: { none: {} },
      serviceRecords: { none: {} },
    },
  });
  const tokens = await db.authToken.deleteMany({
    where: { OR: [{ usedAt: { lt: ago(RETENTION.spentTokenDays) } }, { expiresAt: { lt: ago(RETENTION.spentTokenDays) } }] },
  });
  const sessions = await db.authSession.deleteMany({
    where: { OR: [{ revokedAt: { lt: ago(RETENTION.endedSessionDays) } }, { expiresAt: { lt: ago(RETENTION.endedSessionDays) } }] },
  });
  const outbox = await db.$executeRaw`
    UPDATE "OutboxEmail" SET "to" = '', payload = '{}'::jsonb
    WHERE status IN ('SENT', 'FAILED')
      AND ("createdAt" < ${ago(RETENTION.outboxDays)} OR "redactAfter" <= ${now})
      AND ("to" <> '' OR payload <> '{}'::jsonb)`;
  const pendingConsents = await db.consent.deleteMany({ where: { status: "PENDING", requestedAt: { lt: ago(RETENTION.pendingConsentDays) } } });
  const rateLimits = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: ago(RETENTION.rateLimitDays) } } });
  const facts = await db.verifiedFacts.deleteMany({
    where: {
      OR: [
        { holding: { is: { endedAt: { lt: factsCutoff } } } },
        // The holding is gone (never, today) or never started: counted from the verification.
        { holdingId: null, verifiedAt: { lt: factsCutoff } },
      ],
    },
  });
  const counts: RetentionCounts = {
    unactivatedAccounts: unactivated.count,
    tokens: tokens.count,
    sessions: sessions.count,
    outboxBodies: outbox,
    pendingConsents: pendingConsents.count,
    rateLimits: rateLimits.count,
    verifiedFacts: facts.count,
  };
  // Every run leaves its line, zeros included: the log shows the job ran.
  log.info(counts, "retention run");
  return counts;
}
