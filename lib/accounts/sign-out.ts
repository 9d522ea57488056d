import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";

/** Ends this session on the server. */
export async function endSession(input: { actor: Actor }): Promise<void> {
  if (!input.actor.sessionId) return;
  await db.authSession.updateMany({
    where: { id: input.actor.sessionId, userId: input.actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Ends every session of the account, this one included: each is refused on its next request. */
export async function signOutEverywhere(input: { actor: Actor }): Promise<{ ended: number }> {
  assertCan(input.actor, "account:manage");
  return db.$transaction(async (tx) => {
    const res = await tx.authSession.updateMany({ where: { userId: input.actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.auditLog.create({
      data: { actorUserId: input.actor.userId, actorRole: "owner", action: "account.signed_out_everywhere", entityType: "User", entityId: input.actor.userId, subjectUserId: input.actor.userId },
    });
    return { ended: res.count };
  });
}
