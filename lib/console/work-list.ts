/**
 * The console's home (issue 13, point 12): per organisation the actor belongs to, what waits for
 * them, as counts with a link — only what their organisation's kind lets them act on. A fixed
 * handful of grouped queries run at once, whatever the number of rows; the recall count is one
 * query per workshop organisation of the actor (a member has one or two), because "cars it
 * services" is a relation filter per organisation (lib/dossier/access.ts).
 */
import { db } from "../server/db";
import { organisationsWith, type Actor } from "../server/authz";
import { servicedBy } from "../dossier/access";

/** Invitations expiring within this many days are listed. */
export const EXPIRING_DAYS = 3;
const DAY_MS = 24 * 3600_000;
const OPEN_VERIFICATION = ["SUBMITTED", "IN_REVIEW"] as const;

export interface Work {
  /** Verification requests in the queue, and when the oldest was submitted. */
  verifications?: { count: number; oldest: Date | null };
  invitations?: number;
  appointments?: number;
  recalls?: number;
  transfers?: number;
}

export interface WorkList {
  byOrganisation: Record<string, Work>;
  /** Central support's queue (platform support only). */
  support: { count: number; oldest: Date | null } | null;
}

export async function getWorkList(actor: Actor, now = new Date()): Promise<WorkList> {
  const reviewers = organisationsWith(actor, "verification:review");
  const inviters = organisationsWith(actor, "invitations:manage");
  const workshops = organisationsWith(actor, "service:record");
  const garages = organisationsWith(actor, "passports:manage");
  const isSupport = actor.platformRole === "SUPPORT";
  const selfUpload = { channel: "SELF_UPLOAD" as const, requesterId: { not: actor.userId }, status: { in: [...OPEN_VERIFICATION] } };

  const [verifications, support, invitations, appointments, transfers, recalls] = await Promise.all([
    reviewers.length
      ? db.verificationRequest.groupBy({ by: ["dealerId"], where: { ...selfUpload, route: "DEALER", dealerId: { in: reviewers } }, _count: { _all: true }, _min: { submittedAt: true } })
      : [],
    isSupport ? db.verificationRequest.aggregate({ where: { ...selfUpload, route: "SUPPORT" }, _count: { _all: true }, _min: { submittedAt: true } }) : null,
    inviters.length
      ? db.invitation.groupBy({ by: ["organisationId"], where: { organisationId: { in: inviters }, status: "PENDING", expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRING_DAYS * DAY_MS) } }, _count: { _all: true } })
      : [],
    workshops.length ? db.appointment.groupBy({ by: ["organisationId"], where: { organisationId: { in: workshops }, status: "REQUESTED" }, _count: { _all: true } }) : [],
    garages.length ? db.passportTransfer.groupBy({ by: ["fromOrganisationId"], where: { fromOrganisationId: { in: garages }, status: "PENDING" }, _count: { _all: true } }) : [],
    Promise.all(workshops.map(async (id) => [id, await db.recall.count({ where: { resolvedAt: null, vehicle: servicedBy([id]) } })] as const)),
  ]);

  const byOrganisation: Record<string, Work> = {};
  const of = (id: string) => (byOrganisation[id] ??= {});
  for (const id of reviewers) of(id).verifications = { count: 0, oldest: null };
  for (const g of verifications) if (g.dealerId) of(g.dealerId).verifications = { count: g._count._all, oldest: g._min.submittedAt };
  for (const id of inviters) of(id).invitations = 0;
  for (const g of invitations) of(g.organisationId).invitations = g._count._all;
  for (const id of workshops) of(id).appointments = 0;
  for (const g of appointments) of(g.organisationId).appointments = g._count._all;
  for (const id of garages) of(id).transfers = 0;
  for (const g of transfers) of(g.fromOrganisationId).transfers = g._count._all;
  for (const [id, count] of recalls) of(id).recalls = count;
  return { byOrganisation, support: support ? { count: support._count._all, oldest: support._min.submittedAt } : null };
}
