/**
 * Ending one of one's own sessions from the account page: that device is signed out, the others
 * (and the one in use) stay; another account's session reads as not found and stays live.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { endOwnSession } from "@/lib/accounts/end-own-session";
import { listSessions } from "@/lib/accounts/queries";
import { EndSessionInput } from "@/lib/accounts/schemas";
import { actorFor, createSession, createUser } from "../factories";
import { refusal } from "../factories/errors";

const live = async (id: string) => (await db.authSession.findUniqueOrThrow({ where: { id } })).revokedAt === null;

/** A user signed in on two devices: the one in use (the actor's) and a phone. */
async function signedInTwice() {
  const user = await createUser();
  const [here, phone] = [await createSession(user.id), await createSession(user.id)];
  await db.authSession.update({ where: { id: phone.id }, data: { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1" } });
  return { user, here, phone, actor: await actorFor(user.id, here.id) };
}

describe("endOwnSession", () => {
  it("ends one other session of the user: that one is revoked and audited, the one in use stays", async () => {
    const { user, here, phone, actor } = await signedInTwice();
    expect(await endOwnSession({ actor, sessionId: phone.id })).toEqual({ ended: true });
    expect(await live(phone.id)).toBe(false);
    expect(await live(here.id)).toBe(true);
    expect((await listSessions(user.id)).map((s) => s.id)).toEqual([here.id]);
    expect(await db.auditLog.count({ where: { action: "account.session_ended", entityId: phone.id, actorUserId: user.id, subjectUserId: user.id } })).toBe(1);
    // Ended once: a second time it is not found (already ended), and nothing more is written.
    expect((await refusal(endOwnSession({ actor, sessionId: phone.id }))).code).toBe("NOT_FOUND");
    expect(await db.auditLog.count({ where: { action: "account.session_ended", entityId: phone.id } })).toBe(1);
  });

  it("cannot end another user's session: it reads as not found, stays live, and nothing is audited", async () => {
    const a = await signedInTwice();
    const b = await signedInTwice();
    const e = await refusal(endOwnSession({ actor: a.actor, sessionId: b.phone.id }));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.messageKey).toBe("session_not_found");
    expect(await live(b.phone.id)).toBe(true);
    expect(await live(b.here.id)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "account.session_ended", entityId: b.phone.id } })).toBe(0);
    // The same answer as for an id that does not exist at all.
    expect((await refusal(endOwnSession({ actor: a.actor, sessionId: "c000000000000000000000000" }))).messageKey).toBe("session_not_found");
  });

  it("refuses to end the session in use (that is Sign out) and an expired one", async () => {
    const { user, here, actor } = await signedInTwice();
    expect((await refusal(endOwnSession({ actor, sessionId: here.id }))).messageKey).toBe("session_current");
    expect(await live(here.id)).toBe(true);
    const old = await createSession(user.id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await refusal(endOwnSession({ actor, sessionId: old.id }))).code).toBe("NOT_FOUND");
  });

  it("the form's input is one id, nothing else (no userId of the caller's choosing)", () => {
    expect(EndSessionInput.safeParse({ sessionId: "abc" }).success).toBe(true);
    expect(EndSessionInput.safeParse({ sessionId: "abc", userId: "someone" }).success).toBe(false);
    expect(EndSessionInput.safeParse({}).success).toBe(false);
  });
});

describe("listSessions", () => {
  it("names each device from its user-agent instead of showing the raw string", async () => {
    const { user, phone } = await signedInTwice();
    const sessions = await listSessions(user.id);
    expect(sessions.find((s) => s.id === phone.id)?.device).toEqual({ browser: "Safari", os: "iOS", mobile: true });
    expect(sessions.every((s) => !("userAgent" in s))).toBe(true);
  });
});
