/**
 * A person without an account follows a link sent to their address (a dealer's invitation, an
 * owner's driver invitation, a handover) and makes the account on the link's page. The link
 * proved the address, so the account starts active; an account that waited for activation (an
 * earlier sign-up) is activated instead and its activation links are spent. The three flows share
 * these steps and keep their own link checks and what accepting does.
 */
import type { Tx } from "../server/database";
import { AppError, type ErrorKey } from "../server/errors";
import { hashPassword } from "../server/password";
import { limitLinkFormByAccount } from "../server/form-limits";
import { isUniqueViolation } from "../server/db-errors";
import type { UserLocale } from "../../i18n/routing";
import { withdrawActivationLinks } from "./activation-links";

export interface NewAccountFromLink {
  firstName: string;
  lastName: string;
  password: string;
  locale: UserLocale;
}

/** The error a flow shows when the address has an account already: sign in and accept there. */
type SignInInstead = Extract<ErrorKey, `${string}_sign_in_instead`>;

const SELECT = { id: true, email: true, locale: true, firstName: true, lastName: true } as const;

async function accountToActivate(tx: Pick<Tx, "user">, email: string, signInInstead: SignInInstead) {
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true, status: true } });
  if (existing && existing.status !== "INVITED") throw new AppError("CONFLICT", signInInstead);
  return existing;
}

/**
 * Before the transaction, once the link is known to be open: an address with an active account
 * is told to sign in, the address's form limit counts, and only then is the password hashed
 * (slow by design).
 */
export async function prepareAccountFromLink(reader: Pick<Tx, "user">, email: string, password: string, signInInstead: SignInInstead): Promise<string> {
  await accountToActivate(reader, email, signInInstead);
  await limitLinkFormByAccount(email);
  return hashPassword(password);
}

/** In the accepting transaction: the address's account, created or activated. */
export async function createAccountFromLink(
  tx: Tx,
  input: { email: string; passwordHash: string; account: Omit<NewAccountFromLink, "password">; now: Date; signInInstead: SignInInstead },
) {
  const existing = await accountToActivate(tx, input.email, input.signInInstead);
  if (existing) await withdrawActivationLinks(tx, { id: existing.id });
  const { firstName, lastName, locale } = input.account;
  const data = { passwordHash: input.passwordHash, firstName, lastName, locale, status: "ACTIVE" as const, emailVerifiedAt: input.now };
  if (existing) return tx.user.update({ where: { id: existing.id }, data, select: SELECT });
  return tx.user.create({ data: { email: input.email, ...data }, select: SELECT }).catch((e: unknown) => {
    // The address got an account in the meantime (the same form sent twice): sign in instead.
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", input.signInInstead);
    throw e;
  });
}
