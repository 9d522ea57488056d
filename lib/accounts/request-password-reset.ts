import { db } from "../server/db";
import { admitAccountMail, admitClient } from "../server/form-limits";
import { newToken, TOKEN_TTL } from "../server/tokens";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";

/**
 * Sends a reset link (30 minutes, single-use) to an active account. The caller always gets the
 * same answer; over the limit (per client address, or the e-mail address's 3 account e-mails an
 * hour, shared with sign-up), the request is silently dropped.
 */
export async function requestPasswordReset(input: { email: string; address: string }): Promise<void> {
  const [accountOk, addressOk] = await Promise.all([admitAccountMail(input.email), admitClient("resetPerAddress", input.address)]);
  if (!accountOk || !addressOk) return;
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, status: true, locale: true, firstName: true, email: true } });
  if (!user || user.status !== "ACTIVE") return;
  const { token, hash } = newToken();
  await transaction(async (tx) => {
    await tx.authToken.updateMany({ where: { userId: user.id, kind: "PASSWORD_RESET", usedAt: null }, data: { expiresAt: new Date() } });
    await tx.authToken.create({
      data: { userId: user.id, kind: "PASSWORD_RESET", tokenHash: hash, expiresAt: new Date(Date.now() + TOKEN_TTL.PASSWORD_RESET) },
    });
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "password-reset",
      payload: { name: user.firstName, url: appLink(user.locale, `/reset-password/${token}`) },
    });
  });
}
