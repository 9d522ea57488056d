import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { hashPassword, verifyPassword } from "../server/password";
import { enqueueEmail } from "../server/mail/outbox";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";

/** Changes the password; every other session of the account ends. */
export async function changePassword(input: { actor: Actor; currentPassword: string; password: string }): Promise<void> {
  assertCan(input.actor, "account:manage");
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.actor.userId },
    select: { id: true, passwordHash: true, email: true, locale: true, firstName: true },
  });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION", "current_password_wrong", { fieldErrors: { currentPassword: ["current_password_wrong"] } });
  }
  const passwordHash = await hashPassword(input.password);
  await transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, NOT: { id: input.actor.sessionId ?? "" } },
      data: { revokedAt: new Date() },
    });
    await audit(tx, input.actor, "account.password_changed", { entityType: "User", entityId: user.id, subjectUserId: user.id });
    await enqueueEmail(tx, { to: user.email, locale: user.locale, template: "password-changed", payload: { name: user.firstName } });
  });
}
