import "server-only";
import { cache } from "react";
import { auth } from "./auth";
import { db } from "./db";
import type { Actor } from "./authz";

const SEEN_EVERY_MS = 5 * 60_000;

/**
 * The signed-in actor, read from the database on every request (never from token claims):
 * a revoked session, an expired one or a user who is not ACTIVE reads as signed out.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const sid = session?.sid;
  if (!sid) return null;
  const row = await db.authSession.findFirst({
    where: { id: sid, revokedAt: null, expiresAt: { gt: new Date() }, user: { status: "ACTIVE" } },
    select: {
      id: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          locale: true,
          platformRole: true,
          memberships: {
            select: { role: true, organisation: { select: { id: true, name: true, kind: true } } },
            orderBy: { createdAt: "asc" },
          },
        },
      },
    },
  });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    // The account page's device list shows when each session was last used; a write at most
    // every few minutes per session, never failing the request.
    void db.authSession
      .update({ where: { id: row.id }, data: { lastSeenAt: new Date() } })
      .catch((e) => console.error("[session] could not record when the session was last used", e));
  }
  const u = row.user;
  return {
    userId: u.id,
    email: u.email,
    name: `${u.firstName} ${u.lastName}`.trim(),
    locale: u.locale,
    platformRole: u.platformRole,
    sessionId: row.id,
    memberships: u.memberships.map((m) => ({
      organisationId: m.organisation.id,
      organisationName: m.organisation.name,
      kind: m.organisation.kind,
      role: m.role,
    })),
  };
});
