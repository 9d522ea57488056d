/**
 * The owner's buyer report links of a car (docs/decisions/0036), for the car page: only the
 * car's current owner sees them (null for anyone else), newest first.
 */
import { db } from "../server/db";
import type { Actor } from "../server/authz";
import { ownerHoldingOf } from "../holdings/viewer";

export type ReportLinkState = "live" | "expired" | "revoked";

export interface ReportLinkRow {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  views: number;
  lastViewedAt: Date | null;
  state: ReportLinkState;
}

/** How many of a car's past links the page lists. */
export const LISTED_LINKS = 20;

export async function listReportLinks(actor: Actor, vehicleId: string, now = new Date()): Promise<ReportLinkRow[] | null> {
  const owner = await ownerHoldingOf(actor, vehicleId);
  if (!owner) return null;
  const rows = await db.reportLink.findMany({
    where: { ownerHoldingId: owner.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LISTED_LINKS,
    select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, views: true, lastViewedAt: true },
  });
  return rows.map((r) => ({ ...r, state: r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "live" }));
}
