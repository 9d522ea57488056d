import { accountActor, audit } from "../server/audit";
import { db } from "../server/db";
import type { Tx } from "../server/database";
import { transaction } from "../server/transaction";
import { AppError } from "../server/errors";
import { limitLinkFormByAccount, limitLinkFormByAddress } from "../server/form-limits";
import { hashToken } from "../server/tokens";
import { hashPassword } from "../server/password";
import { choosesPassword, withdrawActivationLinks } from "./activation-links";

async function findLink(tx: Tx, tokenHash: string) {
  return tx.authToken.findUnique({
    where: { tokenHash },
    select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, status: true, passwordHash: true } } },
  });
}

/** The link's account, and whether activating sets the password given on the form; or why not. */
function check(row: Awaited<ReturnType<typeof findLink>>, token: string, password: string | undefined) {
  if (!row || row.kind !== "ACTIVATION") throw new AppError("NOT_FOUND", "link_invalid");
  if (row.usedAt) throw new AppError("GONE", "link_used");
  if (row.expiresAt <= new Date()) throw new AppError("GONE", "link_expired");
  if (row.user.status === "DISABLED") throw new AppError("NOT_FOUND", "link_invalid");
  // An account created for someone else's invitation or transfer, or named by a sign-up that did
  // not create it, gets the password its link's holder chooses (lib/accounts/activation-links.ts).
  const setsPassword = choosesPassword(token, row.user);
  if (setsPassword && !password) throw new AppError("VALIDATION", "password_needed", { fieldErrors: { password: ["required"] } });
  return { ...row, setsPassword };
}

/**
 * Follows an activation link: single-use (a conditional update wins once), expires after 72 hours.
 * Limited per client address and per account, and checked, before the password is hashed.
 */
export async function activateAccount(input: { token: string; password?: string; address: string }): Promise<{ email: string }> {
  await limitLinkFormByAddress(input.address);
  const tokenHash = hashToken(input.token);
  const seen = check(await findLink(db, tokenHash), input.token, input.password);
  await limitLinkFormByAccount(seen.user.email);
  const newHash = seen.setsPassword ? await hashPassword(input.password!) : null;
  return transaction(async (tx) => {
    const row = check(await findLink(tx, tokenHash), input.token, newHash ? input.password : undefined);
    const won = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (won.count !== 1) throw new AppError("GONE", "link_used");
    if (row.user.status === "INVITED") {
      // Its other links are spent: the account is active now.
      await withdrawActivationLinks(tx, { id: row.user.id });
      await tx.user.update({ where: { id: row.user.id }, data: { status: "ACTIVE", emailVerifiedAt: new Date(), ...(row.setsPassword ? { passwordHash: newHash } : {}) } });
      await audit(tx, await accountActor(tx, row.user.id), "account.activated", { entityType: "User", entityId: row.user.id, subjectUserId: row.user.id });
    }
    return { email: row.user.email };
  });
}
