import { accountActor, audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { hashPassword } from "../server/password";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import type { UserLocale as Locale } from "../../i18n/routing";
import { AppError } from "../server/errors";
import { isUniqueViolation } from "../server/db-errors";
import { admitAccountMail, admitClient } from "../server/form-limits";
import { issueActivation } from "./activation-links";

/**
 * Sign-up. The answer is the same whether or not the address has an account, and sign-up never
 * changes an existing account: an active one gets an e-mail saying so; one not activated yet (a
 * garage's buyer, an earlier sign-up) gets an activation link whose holder chooses the password
 * (lib/accounts/activation-links.ts). Limited per client address (refused) and per e-mail address
 * (3 e-mails an hour; beyond that nothing is sent, and the answer stays the same), before hashing.
 */
export async function signUp(input: {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  locale: Locale;
  address: string;
}): Promise<{ email: string }> {
  const answer = { email: input.email };
  if (!(await admitClient("signUpPerAddress", input.address))) throw new AppError("RATE_LIMITED");
  if (!(await admitAccountMail(input.email))) return answer;
  // Hashed whatever the address holds, so the time taken does not tell whether it has an account.
  const passwordHash = await hashPassword(input.password);
  try {
    await transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, status: true, locale: true, firstName: true } });
      if (existing && existing.status !== "INVITED") {
        await enqueueEmail(tx, {
          to: input.email,
          locale: existing.locale,
          template: "activation-reminder-existing",
          payload: { name: existing.firstName, url: appLink(existing.locale, `/sign-in`) },
        });
        return;
      }
      if (existing) {
        // Somebody's account, not activated yet: nothing of this form is kept.
        await issueActivation(tx, existing, { keepsSignUpPassword: false });
        return;
      }
      const user = await tx.user.create({
        data: { email: input.email, passwordHash, firstName: input.firstName, lastName: input.lastName, locale: input.locale, status: "INVITED" },
        select: { id: true, email: true, firstName: true, locale: true },
      });
      await issueActivation(tx, user, { keepsSignUpPassword: true });
      await audit(tx, await accountActor(tx, user.id), "account.signed_up", { entityType: "User", entityId: user.id, subjectUserId: user.id });
    });
  } catch (e) {
    // The same address signed up at the same moment: that sign-up made the account; same answer.
    if (!isUniqueViolation(e)) throw e;
  }
  return answer;
}
