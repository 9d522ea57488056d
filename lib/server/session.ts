import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { sessionIdOf, sessionToken } from "./session-cookie";
import { db } from "./db";
import { log } from "./log";
import { ACTOR_USER_SELECT, actorFromUser, type Actor } from "./authz";

const SEEN_EVERY_MS = 5 * 60_000;

/**
 * The signed-in actor, read from the database on every request (never from token claims):
 * a revoked session, an expired one or a user who is not ACTIVE reads as signed out.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // The cookie names a session row (lib/server/session-cookie.ts); the row decides.
  const sid = await sessionIdOf(sessionToken((await cookies()).getAll()));
  if (!sid) return null;
  const row = await db.authSession.findFirst({
    where: { id: sid, revokedAt: null, expiresAt: { gt: new Date() }, user: { status: "ACTIVE" } },
    select: {
      id: true,
      lastSeenAt: true,
      user: { select: ACTOR_USER_SELECT },
    },
  });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    // The account page's device list shows when each session was last used; a write at most
    // every few minutes per session, never failing the request.
    void db.authSession
      .update({ where: { id: row.id }, data: { lastSeenAt: new Date() } })
      .catch((e) => log.warn({ err: e }, "could not record when the session was last used"));
  }
  return actorFromUser(row.user, row.id);
});
