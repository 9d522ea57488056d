import { db } from "../server/db";
import { hit, LIMITS } from "../server/rate-limit";
import { transaction } from "../server/transaction";
import { issueActivation } from "./sign-up";

/**
 * "Did not get the activation e-mail?" on the sign-in page: a new activation link for an account
 * that was never activated (INVITED). The caller always gets the same answer, whether the address
 * is unknown, active, disabled or over its limit, so the form tells no one which addresses have
 * an account. Only the activation tokens change: the password (or its absence) stays as it is,
 * and activating an account without one asks for it (activate-account.ts).
 */
export async function requestActivation(input: { email: string; address: string }): Promise<void> {
  const [accountOk, addressOk] = await Promise.all([
    hit(db, `activation:account:${input.email}`, LIMITS.activationPerAccount),
    hit(db, `activation:address:${input.address}`, LIMITS.activationPerAddress),
  ]);
  if (!accountOk || !addressOk) return;
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, firstName: true, locale: true, status: true } });
    if (!user || user.status !== "INVITED") return;
    await issueActivation(tx, user);
  });
}
