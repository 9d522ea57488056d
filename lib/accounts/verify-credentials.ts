import { db } from "../server/db";
import { demoSeedSettled } from "../server/demo-seed-state";
import { env } from "../server/env";
import { AppError } from "../server/errors";
import { verifyPassword } from "../server/password";
import { clear, hit, LIMITS } from "../server/rate-limit";
import { Email } from "./schemas";
import { transaction } from "../server/transaction";
import { SESSION_MAX_AGE_MS } from "../server/session-lifetime";

/**
 * Checks e-mail and password and opens a server-side session. Rate-limited, before the password
 * is checked, per account AND client address (5 per 15 minutes: failures elsewhere never lock the
 * owner out) and per client address (RATE_LIMIT_SIGNIN_PER_ADDRESS); the error never says whether
 * the e-mail exists.
 */
export async function verifyCredentials(input: {
  email: string;
  password: string;
  address: string;
  userAgent?: string | null;
}): Promise<{ userId: string; sessionId: string }> {
  const parsed = Email.safeParse(input.email);
  if (!parsed.success || !input.password || input.password.length > 200) {
    throw new AppError("UNAUTHENTICATED", "invalid_credentials");
  }
  const email = parsed.data;
  // In demo mode, a sign-in in the first seconds after a start waits for the demo accounts.
  await demoSeedSettled();
  const accountKey = `signin:account:${email}:address:${input.address}`;
  const [accountOk, addressOk] = await Promise.all([
    hit(db, accountKey, LIMITS.signInPerAccountAndAddress),
    hit(db, `signin:address:${input.address}`, { ...LIMITS.signInPerAddress, max: env.RATE_LIMIT_SIGNIN_PER_ADDRESS }),
  ]);
  if (!accountOk || !addressOk) throw new AppError("RATE_LIMITED", "too_many_attempts");

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, status: true } });
  const ok = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !ok || user.status !== "ACTIVE") throw new AppError("UNAUTHENTICATED", "invalid_credentials");

  await clear(db, accountKey);
  const now = new Date();
  const session = await transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now }, select: { id: true } });
    return tx.authSession.create({
      data: { userId: user.id, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS), userAgent: input.userAgent?.slice(0, 300) ?? null },
      select: { id: true },
    });
  });
  return { userId: user.id, sessionId: session.id };
}
