import { accountActor, audit } from "../server/audit";
import { db } from "../server/db";
import type { Tx } from "../server/database";
import { transaction } from "../server/transaction";
import { AppError } from "../server/errors";
import { limitLinkFormByAccount, limitLinkFormByAddress } from "../server/form-limits";
import { hashPassword } from "../server/password";
import { hashToken } from "../server/tokens";
import { enqueueEmail } from "../server/mail/outbox";

async function findLink(tx: Tx, tokenHash: string) {
  return tx.authToken.findUnique({
    where: { tokenHash },
    select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, status: true, locale: true, firstName: true } } },
  });
}

function check(row: Awaited<ReturnType<typeof findLink>>) {
  if (!row || row.kind !== "PASSWORD_RESET" || row.user.status !== "ACTIVE") throw new AppError("NOT_FOUND", "link_invalid");
  if (row.usedAt) throw new AppError("GONE", "link_used");
  if (row.expiresAt <= new Date()) throw new AppError("GONE", "link_expired");
  return row;
}

/**
 * Sets a new password from a reset link and ends every session of the account. Limited per client
 * address and per account, and the link checked, before the password is hashed.
 */
export async function resetPassword(input: { token: string; password: string; address: string }): Promise<void> {
  await limitLinkFormByAddress(input.address);
  const tokenHash = hashToken(input.token);
  await limitLinkFormByAccount(check(await findLink(db, tokenHash)).user.email);
  const passwordHash = await hashPassword(input.password);
  await transaction(async (tx) => {
    const row = check(await findLink(tx, tokenHash));
    const won = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (won.count !== 1) throw new AppError("GONE", "link_used");
    await tx.user.update({ where: { id: row.user.id }, data: { passwordHash } });
    await tx.authSession.updateMany({ where: { userId: row.user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, await accountActor(tx, row.user.id), "account.password_reset", { entityType: "User", entityId: row.user.id, subjectUserId: row.user.id });
    await enqueueEmail(tx, { to: row.user.email, locale: row.user.locale, template: "password-changed", payload: { name: row.user.firstName } });
  });
}
