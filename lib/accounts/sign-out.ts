import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { enqueueEmail } from "../server/mail/outbox";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";

/** Ends this session on the server. */
export async function endSession(input: { actor: Actor }): Promise<void> {
  if (!input.actor.sessionId) return;
  await db.authSession.updateMany({
    where: { id: input.actor.sessionId, userId: input.actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Ends the session a next-auth sign-out (its own /api/auth/signout route) names. */
export async function endSessionById(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every session of the account, this one included: each is refused on its next request.
 * The owner is told by e-mail, so a sign-out they did not do themselves does not go unnoticed.
 */
export async function signOutEverywhere(input: { actor: Actor }): Promise<{ ended: number }> {
  assertCan(input.actor, "account:manage");
  return transaction(async (tx) => {
    const res = await tx.authSession.updateMany({ where: { userId: input.actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, input.actor, "account.signed_out_everywhere", { entityType: "User", entityId: input.actor.userId, subjectUserId: input.actor.userId });
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { email: true, locale: true, firstName: true } });
    await enqueueEmail(tx, { to: user.email, locale: user.locale, template: "signed-out-everywhere", payload: { name: user.firstName } });
    return { ended: res.count };
  });
}
