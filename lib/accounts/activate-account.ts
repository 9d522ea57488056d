import { accountActor, audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { AppError } from "../server/errors";
import { hashToken } from "../server/tokens";
import { hashPassword } from "../server/password";

/**
 * Follows an activation link: single-use (a conditional update wins once), expires after 72 hours.
 */
export async function activateAccount(input: { token: string; password?: string }): Promise<{ email: string }> {
  const tokenHash = hashToken(input.token);
  const newHash = input.password ? await hashPassword(input.password) : null;
  return transaction(async (tx) => {
    const row = await tx.authToken.findUnique({
      where: { tokenHash },
      select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, status: true, passwordHash: true } } },
    });
    if (!row || row.kind !== "ACTIVATION") throw new AppError("NOT_FOUND", "link_invalid");
    if (row.usedAt) throw new AppError("GONE", "link_used");
    if (row.expiresAt <= new Date()) throw new AppError("GONE", "link_expired");
    if (row.user.status === "DISABLED") throw new AppError("NOT_FOUND", "link_invalid");
    // An account created for someone else's invitation or transfer has no password yet.
    if (!row.user.passwordHash && !newHash) throw new AppError("VALIDATION", "password_needed", { fieldErrors: { password: ["required"] } });
    const won = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (won.count !== 1) throw new AppError("GONE", "link_used");
    await tx.user.update({ where: { id: row.user.id }, data: { status: "ACTIVE", emailVerifiedAt: new Date(), ...(row.user.passwordHash ? {} : { passwordHash: newHash }) } });
    await audit(tx, await accountActor(tx, row.user.id), "account.activated", { entityType: "User", entityId: row.user.id, subjectUserId: row.user.id });
    return { email: row.user.email };
  });
}
