/**
 * Activation links. A sign-up that creates an account keeps the password typed there on the new,
 * not yet active account, and e-mails the one link that may activate the account with it: its
 * token starts with "su_" (the database keeps only the SHA-256 of the whole token, so nobody can
 * add or remove the prefix of a link they hold). Following it, the holder types that password
 * again, or chooses another: a password typed at sign-up goes live only when the holder of the
 * address's mailbox knows it, so a stranger's sign-up for somebody else's address never leaves
 * the stranger a way in. Every other activation link makes its holder choose the password,
 * replacing whatever the account held. A sign-up for an address that already has an account
 * changes nothing on it and gets such a link (docs/decisions/0016-signed-out-limits.md).
 */
import type { Tx } from "../server/database";
import { enqueueEmail } from "../server/mail/outbox";
import { hashToken, newToken, TOKEN_TTL } from "../server/tokens";
import { appLink } from "../server/urls";
import type { UserLocale } from "../../i18n/routing";

type Locale = UserLocale;

const SIGN_UP_LINK = "su_";

/**
 * What following this activation link asks: `choose` a password (it replaces the account's),
 * `confirm` the one typed at sign-up (or choose another instead), or `none` (nothing to activate).
 */
export type ActivationPasswordMode = "choose" | "confirm" | "none";

export function activationPasswordMode(token: string, user: { status: string; passwordHash: string | null }): ActivationPasswordMode {
  if (user.status !== "INVITED") return "none";
  return token.startsWith(SIGN_UP_LINK) && user.passwordHash ? "confirm" : "choose";
}

/**
 * Ends the unused activation links of an account that is not active yet: a newer link replaces
 * them, or another flow (a transfer or an invitation to the address) now proves the address, so a
 * link from somebody else's earlier sign-up cannot activate it with their password.
 */
export async function withdrawActivationLinks(tx: Tx, user: { id: string } | { email: string }): Promise<void> {
  await tx.authToken.updateMany({
    where: { kind: "ACTIVATION", usedAt: null, expiresAt: { gt: new Date() }, user: { ...user, status: "INVITED" } },
    data: { expiresAt: new Date() },
  });
}

/**
 * Creates a single-use activation link (replacing earlier ones) and queues its e-mail.
 * `keepsSignUpPassword`: only for the sign-up that created the account with its password.
 */
export async function issueActivation(
  tx: Tx,
  user: { id: string; email: string; firstName: string; locale: Locale },
  options: { keepsSignUpPassword: boolean },
): Promise<void> {
  await withdrawActivationLinks(tx, { id: user.id });
  const token = options.keepsSignUpPassword ? `${SIGN_UP_LINK}${newToken().token}` : newToken().token;
  await tx.authToken.create({
    data: { userId: user.id, kind: "ACTIVATION", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TOKEN_TTL.ACTIVATION) },
  });
  await enqueueEmail(tx, {
    to: user.email,
    locale: user.locale,
    template: "activation",
    payload: { name: user.firstName, url: appLink(user.locale, `/activate/${token}`) },
  });
}
