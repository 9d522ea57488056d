/**
 * Ends one of the user's own sessions from the account page (a phone left signed in somewhere):
 * that device is signed out on its next request. Only one's own: a session of another account
 * reads as not found. The session in use is ended with "Sign out" instead.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";

export async function endOwnSession(input: { actor: Actor; sessionId: string; now?: Date }): Promise<{ ended: true }> {
  assertCan(input.actor, "account:manage");
  const now = input.now ?? new Date();
  if (input.sessionId === input.actor.sessionId) throw new AppError("CONFLICT", "session_current");
  return transaction(async (tx) => {
    // Scoped to the actor in the write itself: another account's id, or an ended session, changes nothing.
    const ended = await tx.authSession.updateMany({
      where: { id: input.sessionId, userId: input.actor.userId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    if (ended.count !== 1) throw new AppError("NOT_FOUND", "session_not_found");
    await audit(tx, input.actor, "account.session_ended", { entityType: "AuthSession", entityId: input.sessionId, subjectUserId: input.actor.userId });
    return { ended: true as const };
  });
}
