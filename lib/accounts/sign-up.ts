import { accountActor, audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { hashPassword } from "../server/password";
import { newToken, TOKEN_TTL } from "../server/tokens";
import { enqueueEmail } from "../server/mail/outbox";
import type { Tx } from "../server/database";
import { appLink } from "../server/urls";
import type { UserLocale as Locale } from "../../i18n/routing";

/** Creates a single-use activation token (replacing earlier ones) and queues its e-mail. */
export async function issueActivation(tx: Tx, user: { id: string; email: string; firstName: string; locale: Locale }) {
  await tx.authToken.updateMany({
    where: { userId: user.id, kind: "ACTIVATION", usedAt: null },
    data: { expiresAt: new Date() },
  });
  const { token, hash } = newToken();
  await tx.authToken.create({
    data: { userId: user.id, kind: "ACTIVATION", tokenHash: hash, expiresAt: new Date(Date.now() + TOKEN_TTL.ACTIVATION) },
  });
  await enqueueEmail(tx, {
    to: user.email,
    locale: user.locale,
    template: "activation",
    payload: { name: user.firstName, url: appLink(user.locale, `/activate/${token}`) },
  });
}

/**
 * Sign-up. The answer is the same whether or not the address has an account: an active account
 * gets an e-mail saying so instead of a second account.
 */
export async function signUp(input: {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  locale: Locale;
}): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  await transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, status: true, locale: true, firstName: true } });
    if (existing && existing.status !== "INVITED") {
      await enqueueEmail(tx, {
        to: input.email,
        locale: existing.locale,
        template: "activation-reminder-existing",
        payload: { name: existing.firstName, url: appLink(existing.locale, `/sign-in`) },
      });
      return;
    }
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { passwordHash, firstName: input.firstName, lastName: input.lastName, locale: input.locale },
          select: { id: true, email: true, firstName: true, locale: true },
        })
      : await tx.user.create({
          data: { email: input.email, passwordHash, firstName: input.firstName, lastName: input.lastName, locale: input.locale, status: "INVITED" },
          select: { id: true, email: true, firstName: true, locale: true },
        });
    await issueActivation(tx, user);
    await audit(tx, await accountActor(tx, user.id), "account.signed_up", { entityType: "User", entityId: user.id, subjectUserId: user.id });
  });
  return { email: input.email };
}
