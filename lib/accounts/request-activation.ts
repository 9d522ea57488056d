import { admitAccountMail, admitClient } from "../server/form-limits";
import { transaction } from "../server/transaction";
import { issueActivation } from "./activation-links";

/**
 * "Did not get the activation e-mail?" on the sign-in page: a new activation link for an account
 * that was never activated (INVITED). The caller always gets the same answer, whether the address
 * is unknown, active, disabled or over its limit, so the form tells no one which addresses have
 * an account. Only the activation tokens change: the password (or its absence) stays as it is,
 * and activating an account without one asks for it (activate-account.ts).
 */
export async function requestActivation(input: { email: string; address: string }): Promise<void> {
  // The e-mails an address gets this hour are shared with sign-up and reset (decision 0016).
  const [accountOk, addressOk] = await Promise.all([admitAccountMail(input.email), admitClient("activationPerAddress", input.address)]);
  if (!accountOk || !addressOk) return;
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, firstName: true, locale: true, status: true } });
    if (!user || user.status !== "INVITED") return;
    await issueActivation(tx, user, { keepsSignUpPassword: false });
  });
}
