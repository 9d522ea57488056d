/**
 * When a reviewer's claim on a request counts. A claim is live while its holder still has access
 * to the request (an active account that is still support for a request routed to support, or
 * still a member of the chosen dealer for one routed to that dealer) and for CLAIM_HOURS after it
 * was made. A claim that is not live holds nothing: any reviewer of the request may take it over,
 * and its former holder may no longer read the documents, release or decide. Claim, release,
 * approve, reject, the documents and the queue all ask `liveClaimHolder`.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { PlatformRole, UserStatus, VerificationRoute, VerificationStatus } from "../../generated/prisma/enums";

/** How long a claim lasts without a decision. */
export const CLAIM_HOURS = 48;
const CLAIM_MS = CLAIM_HOURS * 3600_000;

/** What `liveClaimHolder` needs of a request: a Prisma `select`. */
export const CLAIM_SELECT = {
  status: true,
  route: true,
  dealerId: true,
  claimedById: true,
  claimedAt: true,
  claimedBy: {
    select: {
      status: true,
      platformRole: true,
      // The holder's dealers; whether the request's dealer is among them is decided below.
      memberships: { where: { organisation: { kind: "DEALER" } }, select: { organisationId: true } },
    },
  },
} as const satisfies Prisma.VerificationRequestSelect;

export interface ClaimState {
  status: VerificationStatus;
  route: VerificationRoute;
  dealerId: string | null;
  claimedById: string | null;
  claimedAt: Date | null;
  claimedBy: { status: UserStatus; platformRole: PlatformRole; memberships: { organisationId: string }[] } | null;
}

/** Why a claim that was made is no longer live: its time ran out, or its holder lost access. */
export type ClaimLapse = "time" | "access";

export function claimLapse(r: ClaimState, now: Date): ClaimLapse | null {
  if (r.status !== "IN_REVIEW" || !r.claimedById || !r.claimedAt) return null;
  const holder = r.claimedBy;
  const access =
    !!holder && holder.status === "ACTIVE" && (r.route === "SUPPORT" ? holder.platformRole === "SUPPORT" : !!r.dealerId && holder.memberships.some((m) => m.organisationId === r.dealerId));
  if (!access) return "access";
  return now.getTime() - r.claimedAt.getTime() >= CLAIM_MS ? "time" : null;
}

/** The user whose claim on the request is live, or null: nobody holds it. */
export function liveClaimHolder(r: ClaimState, now: Date): string | null {
  if (r.status !== "IN_REVIEW" || !r.claimedById || !r.claimedAt) return null;
  return claimLapse(r, now) ? null : r.claimedById;
}

/** An open request nobody holds: a reviewer may claim it. */
export function isClaimable(r: ClaimState, now: Date): boolean {
  return (r.status === "SUBMITTED" || r.status === "IN_REVIEW") && liveClaimHolder(r, now) === null;
}

/**
 * The `where` of the conditional update that changes a claim: it matches only while the claim is
 * exactly as read, so of two changes at once the second finds the row changed and updates nothing.
 */
export function sameClaim(r: { id: string; status: VerificationStatus; claimedById: string | null; claimedAt: Date | null }): Prisma.VerificationRequestWhereInput {
  return { id: r.id, status: r.status, claimedById: r.claimedById, claimedAt: r.claimedAt };
}
