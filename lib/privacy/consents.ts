/**
 * Marketing consents with double opt-in (seed 001 §3.11, docs/decisions/0031). Every purpose is
 * off until the owner asks for it AND follows the link e-mailed to their address; the row then
 * keeps the proof: when, which version of the consent text, how (the e-mailed link), from which
 * network address and browser. Withdrawing is one click on the account page, or the link (and
 * the one-click `List-Unsubscribe` header, RFC 8058) in every marketing e-mail, without signing in.
 * Each change is in the owner's audit (never the address or browser: the audit outlives erasure).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { accountActor, audit } from "../server/audit";
import { assertCan, type Actor } from "../server/authz";
import { db } from "../server/db";
import type { Tx } from "../server/database";
import { env } from "../server/env";
import { AppError } from "../server/errors";
import { limitLinkFormByAddress } from "../server/form-limits";
import { enqueueEmail } from "../server/mail/outbox";
import { hashToken, HOUR, newToken } from "../server/tokens";
import { transaction } from "../server/transaction";
import { appLink } from "../server/urls";
import { leaveMessage } from "../messages/leave";
import type { ConsentPurposeT } from "./schemas";

/**
 * The version of the consent texts (messages `privacy.consents.<purpose>.text`): raise it when a
 * text changes in substance; the proof keeps the version each owner agreed to.
 */
export const CONSENT_TEXT_VERSION = "2026-12-v1";
/** How long the opt-in link works. */
export const CONSENT_LINK_TTL = 7 * 24 * HOUR;

type Proof = { address: string; userAgent: string | null };

/** Asks for a consent: a confirmation e-mail goes out; nothing is on until its link is followed. */
export async function requestConsent(input: { actor: Actor; purpose: ConsentPurposeT }): Promise<{ status: "PENDING" | "CONFIRMED" }> {
  assertCan(input.actor, "account:manage");
  return transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { id: true, email: true, locale: true, firstName: true } });
    const existing = await tx.consent.findUnique({ where: { userId_purpose: { userId: user.id, purpose: input.purpose } }, select: { status: true } });
    if (existing?.status === "CONFIRMED") return { status: "CONFIRMED" as const };
    const { token, hash } = newToken();
    const now = new Date();
    const fresh = {
      status: "PENDING" as const,
      tokenHash: hash,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + CONSENT_LINK_TTL),
      confirmedAt: null,
      confirmationIp: null,
      confirmationMethod: null,
      confirmationUserAgent: null,
      textVersion: CONSENT_TEXT_VERSION,
      withdrawnAt: null,
    };
    await tx.consent.upsert({
      where: { userId_purpose: { userId: user.id, purpose: input.purpose } },
      create: { userId: user.id, purpose: input.purpose, ...fresh },
      update: fresh,
    });
    await audit(tx, input.actor, "consent.requested", { entityType: "Consent", entityId: `${user.id}:${input.purpose}`, subjectUserId: user.id, data: { purpose: input.purpose, textVersion: CONSENT_TEXT_VERSION } });
    await enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "consent-confirm",
      payload: { name: user.firstName, purpose: input.purpose, url: appLink(user.locale, `/consents/${token}`) },
    });
    return { status: "PENDING" as const };
  });
}

async function findPending(tx: Tx, token: string) {
  return tx.consent.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, purpose: true, status: true, expiresAt: true, user: { select: { email: true, locale: true, firstName: true, status: true } } },
  });
}

/** What a consent link is worth, without using it. */
export async function peekConsentLink(token: string): Promise<{ state: "valid" | "used" | "expired" | "invalid"; purpose?: ConsentPurposeT }> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return { state: "invalid" };
  const row = await findPending(db, token);
  if (!row || row.user.status !== "ACTIVE") return { state: "invalid" };
  if (row.status !== "PENDING") return { state: "used" };
  if (row.expiresAt && row.expiresAt <= new Date()) return { state: "expired" };
  return { state: "valid", purpose: row.purpose as ConsentPurposeT };
}

/**
 * Follows the opt-in link (the link is the credential: no sign-in needed). The consent turns on
 * and its proof is kept; a welcome e-mail (itself a marketing e-mail, with its unsubscribe link)
 * confirms it.
 */
export async function confirmConsent(input: { token: string } & Proof): Promise<{ purpose: ConsentPurposeT }> {
  await limitLinkFormByAddress(input.address);
  return transaction(async (tx) => {
    const row = await findPending(tx, input.token);
    if (!row || row.user.status !== "ACTIVE") throw new AppError("NOT_FOUND", "link_invalid");
    if (row.status !== "PENDING") throw new AppError("GONE", "link_used");
    if (row.expiresAt && row.expiresAt <= new Date()) throw new AppError("GONE", "link_expired");
    const won = await tx.consent.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: {
        status: "CONFIRMED",
        tokenHash: null,
        expiresAt: null,
        confirmedAt: new Date(),
        confirmationIp: input.address.slice(0, 64),
        confirmationUserAgent: input.userAgent?.slice(0, 300) ?? null,
        confirmationMethod: "email_link",
      },
    });
    if (won.count !== 1) throw new AppError("GONE", "link_used");
    const actor = await accountActor(tx, row.userId);
    await audit(tx, actor, "consent.confirmed", { entityType: "Consent", entityId: `${row.userId}:${row.purpose}`, subjectUserId: row.userId, data: { purpose: row.purpose, method: "email_link", textVersion: CONSENT_TEXT_VERSION } });
    await enqueueMarketingEmail(tx, { userId: row.userId, purpose: row.purpose as ConsentPurposeT, template: "consent-welcome", payload: { name: row.user.firstName, purpose: row.purpose } });
    await leaveMessage(tx, { userId: row.userId, kind: "consent_confirmed", data: { purpose: row.purpose }, link: "/account" });
    return { purpose: row.purpose as ConsentPurposeT };
  });
}

async function withdraw(tx: Tx, actor: Actor, userId: string, purpose: ConsentPurposeT, via: "account" | "email_link" | "one_click"): Promise<boolean> {
  const done = await tx.consent.updateMany({
    where: { userId, purpose, status: { in: ["CONFIRMED", "PENDING"] } },
    data: { status: "WITHDRAWN", withdrawnAt: new Date(), tokenHash: null, expiresAt: null },
  });
  if (done.count === 0) return false;
  await audit(tx, actor, "consent.withdrawn", { entityType: "Consent", entityId: `${userId}:${purpose}`, subjectUserId: userId, data: { purpose, via } });
  return true;
}

/** The account page's switch: off at once (a pending request is cancelled too). */
export async function withdrawConsent(input: { actor: Actor; purpose: ConsentPurposeT }): Promise<{ withdrawn: boolean }> {
  assertCan(input.actor, "account:manage");
  return transaction(async (tx) => ({ withdrawn: await withdraw(tx, input.actor, input.actor.userId, input.purpose, "account") }));
}

// ── unsubscribe links ──

function signature(consentId: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`unsubscribe:${consentId}`).digest("base64url");
}

/**
 * The token of a consent's unsubscribe link: its id and an HMAC of it, so every marketing e-mail
 * can carry it without storing one more secret, and it works for as long as the consent exists.
 */
export function unsubscribeToken(consentId: string): string {
  return `${consentId}-${signature(consentId)}`;
}

function consentIdOf(token: string): string | null {
  const i = token.indexOf("-");
  if (i <= 0) return null;
  const id = token.slice(0, i);
  const given = Buffer.from(token.slice(i + 1));
  const expected = Buffer.from(signature(id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** What an unsubscribe link names, for its page; null when the link is not valid. */
export async function peekUnsubscribe(token: string): Promise<{ purpose: ConsentPurposeT; active: boolean } | null> {
  const id = consentIdOf(token);
  if (!id) return null;
  const row = await db.consent.findUnique({ where: { id }, select: { purpose: true, status: true } });
  return row ? { purpose: row.purpose as ConsentPurposeT, active: row.status === "CONFIRMED" } : null;
}

/** Withdraws through a marketing e-mail's link or its one-click header; the same answer when already off. */
export async function unsubscribe(input: { token: string; via: "email_link" | "one_click" }): Promise<{ purpose: ConsentPurposeT }> {
  const id = consentIdOf(input.token);
  if (!id) throw new AppError("NOT_FOUND", "link_invalid");
  return transaction(async (tx) => {
    const row = await tx.consent.findUnique({ where: { id }, select: { userId: true, purpose: true } });
    if (!row) throw new AppError("NOT_FOUND", "link_invalid");
    await withdraw(tx, await accountActor(tx, row.userId), row.userId, row.purpose as ConsentPurposeT, input.via);
    return { purpose: row.purpose as ConsentPurposeT };
  });
}

type MarketingTemplate = "consent-welcome" | "newsletter";

/**
 * The one way to queue a marketing e-mail: only to an owner whose consent for the purpose is
 * confirmed, and always with the unsubscribe link (shown in the e-mail) and the one-click POST
 * address (sent as `List-Unsubscribe`/`List-Unsubscribe-Post` by lib/server/mail/sender.ts).
 * Returns false, sending nothing, without a confirmed consent.
 */
export async function enqueueMarketingEmail(
  tx: Tx,
  mail: { userId: string; purpose: ConsentPurposeT; template: MarketingTemplate; payload: { name: string; purpose: string } & Record<string, string> },
): Promise<boolean> {
  const consent = await tx.consent.findUnique({
    where: { userId_purpose: { userId: mail.userId, purpose: mail.purpose } },
    select: { id: true, status: true, user: { select: { email: true, locale: true } } },
  });
  if (!consent || consent.status !== "CONFIRMED") return false;
  const token = unsubscribeToken(consent.id);
  await enqueueEmail(tx, {
    to: consent.user.email,
    locale: consent.user.locale,
    template: mail.template,
    payload: {
      ...mail.payload,
      unsubscribeUrl: appLink(consent.user.locale, `/unsubscribe/${token}`),
      unsubscribePostUrl: `${env.APP_URL}/api/unsubscribe/${token}`,
    },
  } as Parameters<typeof enqueueEmail>[1]);
  return true;
}
