import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";

/** Disabling a user ends all their sessions: they are refused on the very next request. */
export async function setUserStatus(input: { actor: Actor; userId: string; status: "ACTIVE" | "DISABLED" }): Promise<void> {
  assertCan(input.actor, "organisations:manage");
  if (input.userId === input.actor.userId) throw new AppError("CONFLICT", "cannot_disable_self");
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, passwordHash: true } });
    if (!user) throw new AppError("NOT_FOUND");
    if (input.status === "ACTIVE" && !user.passwordHash) throw new AppError("CONFLICT", "user_not_activated");
    await tx.user.update({ where: { id: user.id }, data: { status: input.status } });
    if (input.status === "DISABLED") await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, input.actor, input.status === "DISABLED" ? "user.disabled" : "user.enabled", { entityType: "User", entityId: user.id, subjectUserId: user.id });
  });
}
