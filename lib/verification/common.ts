import type { Prisma } from "../../generated/prisma/client";
import type { VerificationRoute } from "../../generated/prisma/enums";
import { languageOf, type UserLocale } from "../../i18n/routing";
import { organisationsWith, type Actor } from "../server/authz";

export type Route = VerificationRoute;

/** Requests still waiting for a decision. */
export const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW"] as const;
/** Document copies of a request left undecided this long are deleted and the request closed. */
export const UNDECIDED_DAYS = 30;
export const DAY_MS = 24 * 3600_000;

/**
 * Seed 001 §3.2.1: central support reviews when it serves the owner's language; otherwise the
 * dealer the owner chose does.
 */
export function routeFor(locale: UserLocale, supportLocales: readonly string[]): Route {
  return servesLanguage(supportLocales, locale) ? "SUPPORT" : "DEALER";
}

/**
 * Whether a reviewer serving these languages serves the owner's: by language, not region (a
 * Belgian Dutch owner, nl_BE, is served by whoever serves nl).
 */
export function servesLanguage(served: readonly string[], locale: UserLocale): boolean {
  return served.some((l) => languageOf(l) === languageOf(locale));
}

/**
 * The requests a reviewer may see: support sees the requests routed to support, dealer staff the
 * requests routed to their dealer, never their own. Anyone else sees none.
 */
export function reviewableBy(actor: Actor): Prisma.VerificationRequestWhereInput {
  const or: Prisma.VerificationRequestWhereInput[] = [];
  if (actor.platformRole === "SUPPORT") or.push({ route: "SUPPORT" });
  const dealers = organisationsWith(actor, "verification:review");
  if (dealers.length) or.push({ route: "DEALER", dealerId: { in: dealers } });
  // Nobody reviews their own request: it reads as not found to them in the queue.
  return or.length ? { channel: "SELF_UPLOAD", requesterId: { not: actor.userId }, OR: or } : { id: { in: [] } };
}

/** The organisation a reviewer acts for on a request (the audit's actor organisation). */
export function reviewerOrganisation(request: { route: string; dealerId: string | null }): string | null {
  return request.route === "DEALER" ? request.dealerId : null;
}

/** When the copies of an open request are deleted at the latest. */
export function copiesDeletedBy(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + UNDECIDED_DAYS * DAY_MS);
}

