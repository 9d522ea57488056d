/**
 * Rate limits of the signed-out forms other than sign-in, counted before any password is hashed
 * (docs/decisions/0016-signed-out-limits.md). A refusal is RATE_LIMITED, which says nothing about
 * whether an account exists.
 */
import { db } from "./db";
import { env } from "./env";
import { AppError } from "./errors";
import { hit, LIMITS, type Limit } from "./rate-limit";

type ClientLimit = "signUpPerAddress" | "resetPerAddress" | "linkPerAddress" | "activationPerAddress";

const PREFIX: Record<ClientLimit, string> = { signUpPerAddress: "signup", resetPerAddress: "reset", linkPerAddress: "link", activationPerAddress: "activation" };

/** Counts one request from the client address; false when it is over the limit (RATE_LIMIT_FORMS_PER_ADDRESS). */
export async function admitClient(limit: ClientLimit, address: string): Promise<boolean> {
  const max: Limit = { ...LIMITS[limit], max: env.RATE_LIMIT_FORMS_PER_ADDRESS };
  return hit(db, `${PREFIX[limit]}:address:${address}`, max);
}

/**
 * Counts one sign-up, reset or activation-resend request naming this e-mail address: false when it already had its
 * e-mails this hour. The caller then answers as usual and sends nothing.
 */
export async function admitAccountMail(email: string): Promise<boolean> {
  return hit(db, `mail:account:${email}`, LIMITS.accountMailPerAccount);
}

/**
 * A form that sets a password from an e-mailed link (activation, reset, invitation, transfer), per
 * client address: called before the link is even looked up. Throws RATE_LIMITED.
 */
export async function limitLinkFormByAddress(address: string): Promise<void> {
  if (!(await admitClient("linkPerAddress", address))) throw new AppError("RATE_LIMITED");
}

/** The same forms per account, once the (valid) link named it, still before hashing. Throws RATE_LIMITED. */
export async function limitLinkFormByAccount(email: string): Promise<void> {
  if (!(await hit(db, `link:account:${email}`, LIMITS.linkPerAccount))) throw new AppError("RATE_LIMITED");
}
