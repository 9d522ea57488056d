import { accountActor, audit } from "../server/audit";
import { db } from "../server/db";
import type { Tx } from "../server/database";
import { transaction } from "../server/transaction";
import { AppError } from "../server/errors";
import { limitLinkFormByAccount, limitLinkFormByAddress } from "../server/form-limits";
import { hashToken } from "../server/tokens";
import { hashPassword, verifyPassword } from "../server/password";
import { activationPasswordMode, withdrawActivationLinks } from "./activation-links";

async function findLink(tx: Tx, tokenHash: string) {
  return tx.authToken.findUnique({
    where: { tokenHash },
    select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, status: true, passwordHash: true } } },
  });
}

/**
 * The link's account and what activating does with the form's password: `sets` it (a password
 * chosen now), `keeps` the one typed at sign-up (the form typed it again), or `none`; or why not.
 * A sign-up link's holder may choose another password instead of typing the sign-up one.
 */
function check(row: Awaited<ReturnType<typeof findLink>>, token: string, input: { password?: string; choose?: boolean }) {
  if (!row || row.kind !== "ACTIVATION") throw new AppError("NOT_FOUND", "link_invalid");
  if (row.usedAt) throw new AppError("GONE", "link_used");
  if (row.expiresAt <= new Date()) throw new AppError("GONE", "link_expired");
  if (row.user.status === "DISABLED") throw new AppError("NOT_FOUND", "link_invalid");
  const mode = activationPasswordMode(token, row.user);
  if (mode === "none") return { ...row, password: "none" as const };
  if (!input.password) {
    throw new AppError("VALIDATION", mode === "confirm" && !input.choose ? "sign_up_password_needed" : "password_needed", { fieldErrors: { password: ["required"] } });
  }
  return { ...row, password: mode === "choose" || input.choose ? ("sets" as const) : ("keeps" as const) };
}

/**
 * Follows an activation link: single-use (a conditional update wins once), expires after 72 hours.
 * Limited per client address and per account, and checked, before any password is hashed.
 * `choose`: on a sign-up link, the holder chooses a new password instead of typing the sign-up one.
 */
export async function activateAccount(input: { token: string; password?: string; choose?: boolean; address: string }): Promise<{ email: string }> {
  await limitLinkFormByAddress(input.address);
  const tokenHash = hashToken(input.token);
  const seen = check(await findLink(db, tokenHash), input.token, input);
  await limitLinkFormByAccount(seen.user.email);
  let newHash: string | null = null;
  if (seen.password === "sets") newHash = await hashPassword(input.password!);
  // The sign-up password goes live only for the mailbox's holder who knows it.
  else if (seen.password === "keeps" && !(await verifyPassword(input.password!, seen.user.passwordHash))) {
    throw new AppError("VALIDATION", "sign_up_password_wrong", { fieldErrors: { password: ["sign_up_password_wrong"] } });
  }
  return transaction(async (tx) => {
    const row = check(await findLink(tx, tokenHash), input.token, input);
    // The account changed in between (say, a newer link): start again from the link.
    if (row.password !== seen.password || (row.password === "keeps" && row.user.passwordHash !== seen.user.passwordHash)) throw new AppError("GONE", "link_used");
    const won = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (won.count !== 1) throw new AppError("GONE", "link_used");
    if (row.user.status === "INVITED") {
      // Its other links are spent: the account is active now.
      await withdrawActivationLinks(tx, { id: row.user.id });
      await tx.user.update({ where: { id: row.user.id }, data: { status: "ACTIVE", emailVerifiedAt: new Date(), ...(newHash ? { passwordHash: newHash } : {}) } });
      await audit(tx, await accountActor(tx, row.user.id), "account.activated", { entityType: "User", entityId: row.user.id, subjectUserId: row.user.id });
    }
    return { email: row.user.email };
  });
}
