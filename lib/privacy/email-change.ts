/**
 * Changing the e-mail address, which is the login (docs/decisions/0031):
 * 1. the signed-in user types the new address and their password; the new address gets a
 *    single-use link (hashed, 24 hours), the old address a notice with a "this was not me" link
 *    (7 days); nothing changes yet;
 * 2. following the link changes the address, if no account took it meanwhile (checked again,
 *    lower-cased, under the unique index), and ends every session of the account: the user signs
 *    in again with the new address;
 * 3. the "not me" link cancels every pending change and ends every session; the page then points
 *    to a password reset.
 */
import { accountActor, audit } from "../server/audit";
import { assertCan, type Actor } from "../server/authz";
import { db } from "../server/db";
import type { Tx } from "../server/database";
import { isUniqueViolation } from "../server/db-errors";
import { AppError } from "../server/errors";
import { limitLinkFormByAccount, limitLinkFormByAddress } from "../server/form-limits";
import { enqueueEmail } from "../server/mail/outbox";
import { verifyPassword } from "../server/password";
import { hashToken, newToken, TOKEN_TTL } from "../server/tokens";
import { transaction } from "../server/transaction";
import { appLink } from "../server/urls";
import { leaveMessage } from "../messages/leave";

/** "j***@example.com": enough for the owner to recognise, not the whole address. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}

export async function requestEmailChange(input: { actor: Actor; email: string; currentPassword: string }): Promise<{ email: string }> {
  assertCan(input.actor, "account:manage");
  const user = await db.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { id: true, email: true, passwordHash: true, locale: true, firstName: true } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION", "current_password_wrong", { fieldErrors: { currentPassword: ["current_password_wrong"] } });
  }
  if (input.email === user.email) throw new AppError("VALIDATION", "email_unchanged", { fieldErrors: { email: ["email_unchanged"] } });
  // Taken now: said at once (the owner is signed in and proved the password, so this tells
  // nothing a sign-up would not). Taken later: refused when the link is followed.
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("VALIDATION", "email_taken", { fieldErrors: { email: ["email_taken"] } });
  }
  const change = newToken();
  const report = newToken();
  await transaction(async (tx) => {
    const now = Date.now();
    // One pending change at a time: an earlier link stops working.
    await tx.authToken.updateMany({ where: { userId: user.id, kind: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: new Date(now) } });
    await tx.authToken.create({ data: { userId: user.id, kind: "EMAIL_CHANGE", tokenHash: change.hash, newEmail: input.email, expiresAt: new Date(now + TOKEN_TTL.EMAIL_CHANGE) } });
    await tx.authToken.create({ data: { userId: user.id, kind: "EMAIL_CHANGE_REPORT", tokenHash: report.hash, expiresAt: new Date(now + TOKEN_TTL.EMAIL_CHANGE_REPORT) } });
    await audit(tx, input.actor, "account.email_change_requested", { entityType: "User", entityId: user.id, subjectUserId: user.id });
    await enqueueEmail(tx, {
      to: input.email,
      locale: user.locale,
      template: "email-change-confirm",
      payload: { name: user.firstName, url: appLink(user.locale, `/email-change/${change.token}`) },
    });
    await leaveMessage(tx, { userId: user.id, kind: "email_change_requested", data: { newEmail: maskEmail(input.email) }, link: "/account" });
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "email-change-notice",
      payload: { name: user.firstName, newEmail: maskEmail(input.email), url: appLink(user.locale, `/email-change/report/${report.token}`) },
    });
  });
  return { email: input.email };
}

async function findLink(tx: Tx, token: string) {
  return tx.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, kind: true, usedAt: true, expiresAt: true, newEmail: true, user: { select: { id: true, email: true, status: true, locale: true, firstName: true } } },
  });
}

function check(row: Awaited<ReturnType<typeof findLink>>, kind: "EMAIL_CHANGE" | "EMAIL_CHANGE_REPORT") {
  if (!row || row.kind !== kind || row.user.status !== "ACTIVE") throw new AppError("NOT_FOUND", "link_invalid");
  if (row.usedAt) throw new AppError("GONE", "link_used");
  if (row.expiresAt <= new Date()) throw new AppError("GONE", "link_expired");
  return row;
}

/** What an e-mail change link is worth, without using it (the page that shows its button). */
export async function peekEmailLink(token: string, kind: "EMAIL_CHANGE" | "EMAIL_CHANGE_REPORT"): Promise<{ state: "valid" | "used" | "expired" | "invalid"; newEmail?: string }> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return { state: "invalid" };
  try {
    const row = check(await findLink(db, token), kind);
    return { state: "valid", newEmail: row.newEmail ?? undefined };
  } catch (e) {
    if (e instanceof AppError) return { state: e.messageKey === "link_used" ? "used" : e.messageKey === "link_expired" ? "expired" : "invalid" };
    throw e;
  }
}

/** Follows the link to the new address: the address changes and every session ends. */
export async function confirmEmailChange(input: { token: string; address: string }): Promise<{ email: string }> {
  await limitLinkFormByAddress(input.address);
  const first = check(await findLink(db, input.token), "EMAIL_CHANGE");
  await limitLinkFormByAccount(first.user.email);
  try {
    return await transaction(async (tx) => {
      const row = check(await findLink(tx, input.token), "EMAIL_CHANGE");
      const won = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
      if (won.count !== 1) throw new AppError("GONE", "link_used");
      const email = row.newEmail!.trim().toLowerCase();
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("CONFLICT", "email_taken");
      await tx.user.update({ where: { id: row.user.id }, data: { email, emailVerifiedAt: new Date() } });
      await tx.authSession.updateMany({ where: { userId: row.user.id, revokedAt: null }, data: { revokedAt: new Date() } });
      // The old "not me" link stays usable: it now ends sessions and says to call support.
      await audit(tx, await accountActor(tx, row.user.id), "account.email_changed", { entityType: "User", entityId: row.user.id, subjectUserId: row.user.id });
      return { email };
    });
  } catch (e) {
    // Another account took the address between the check and the update.
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "email_taken");
    throw e;
  }
}

/** "This was not me": pending changes are cancelled and every session ends. */
export async function reportEmailChange(input: { token: string; address: string }): Promise<{ changed: boolean }> {
  await limitLinkFormByAddress(input.address);
  return transaction(async (tx) => {
    const row = check(await findLink(tx, input.token), "EMAIL_CHANGE_REPORT");
    const won = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (won.count !== 1) throw new AppError("GONE", "link_used");
    const cancelled = await tx.authToken.updateMany({ where: { userId: row.user.id, kind: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: new Date() } });
    await tx.authSession.updateMany({ where: { userId: row.user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const changedAlready = cancelled.count === 0;
    await audit(tx, await accountActor(tx, row.user.id), "account.email_change_reported", {
      entityType: "User",
      entityId: row.user.id,
      subjectUserId: row.user.id,
      data: { cancelled: cancelled.count, changedAlready },
    });
    return { changed: changedAlready };
  });
}
