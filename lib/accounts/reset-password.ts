import { accountActor, audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { AppError } from "../server/errors";
import { hashPassword } from "../server/password";
import { hashToken } from "../server/tokens";
import { enqueueEmail } from "../server/mail/outbox";

/** Sets a new password from a reset link and ends every session of the account. */
export async function resetPassword(input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await transaction(async (tx) => {
    const row = await tx.authToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, status: true, locale: true, firstName: true } } },
    });
    if (!row || row.kind !== "PASSWORD_RESET" || row.user.status !== "ACTIVE") throw new AppError("NOT_FOUND", "link_invalid");
    if (row.usedAt) throw new AppError("GONE", "link_used");
    if (row.expiresAt <= new Date()) throw new AppError("GONE", "link_expired");
    const won = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (won.count !== 1) throw new AppError("GONE", "link_used");
    await tx.user.update({ where: { id: row.user.id }, data: { passwordHash } });
    await tx.authSession.updateMany({ where: { userId: row.user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, await accountActor(tx, row.user.id), "account.password_reset", { entityType: "User", entityId: row.user.id, subjectUserId: row.user.id });
    await enqueueEmail(tx, { to: row.user.email, locale: row.user.locale, template: "password-changed", payload: { name: row.user.firstName } });
  });
}
