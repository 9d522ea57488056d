import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/password";
import { hashToken } from "@/lib/server/tokens";
import { signUp } from "@/lib/accounts/sign-up";
import { activateAccount } from "@/lib/accounts/activate-account";
import { verifyCredentials } from "@/lib/accounts/verify-credentials";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resetPassword } from "@/lib/accounts/reset-password";
import { changePassword } from "@/lib/accounts/change-password";
import { endSessionById, signOutEverywhere } from "@/lib/accounts/sign-out";
import {
  actorFor,
  createAuthToken,
  createSession,
  createUser,
  outboxFor,
  PASSWORD,
  tokenFromPayload,
  uniqueAddress,
  uniqueEmail,
} from "../factories";

const APP_URL = process.env.APP_URL!;
const NEW_PASSWORD = "a-brand-new-passphrase";

/** Awaits a promise that must fail with an AppError of this code (and message key). */
async function expectAppError(p: Promise<unknown>, code: AppError["code"], messageKey?: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (messageKey) expect((e as AppError).messageKey).toBe(messageKey);
  return e as AppError;
}

async function signUpNew(over: Partial<{ email: string; locale: "nl" | "en" }> = {}) {
  const email = over.email ?? uniqueEmail("signup");
  await signUp({ email, firstName: "Ann", lastName: "de Vries", password: PASSWORD, locale: over.locale ?? "nl" });
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const [mail] = (await outboxFor(email)).filter((m) => m.template === "activation");
  return { email, user, token: tokenFromPayload(mail!.payload) };
}

const liveSessions = (userId: string) => db.authSession.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "asc" } });

describe("signUp", () => {
  it("creates an INVITED user, an activation token stored as a hash only, and its e-mail", async () => {
    const email = uniqueEmail("signup");
    expect(await signUp({ email, firstName: "Ann", lastName: "de Vries", password: PASSWORD, locale: "en" })).toEqual({ email });

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ status: "INVITED", firstName: "Ann", lastName: "de Vries", locale: "en", emailVerifiedAt: null });
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);

    const mails = await outboxFor(email);
    expect(mails.map((m) => [m.template, m.locale, m.status])).toEqual([["activation", "en", "PENDING"]]);
    const url = String((mails[0]!.payload as { url: string }).url);
    expect(url).toMatch(new RegExp(`^${APP_URL}/en/activate/[A-Za-z0-9_-]{43}$`));
    const token = tokenFromPayload(mails[0]!.payload);

    const tokens = await db.authToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ kind: "ACTIVATION", usedAt: null, tokenHash: hashToken(token) });
    const ttl = tokens[0]!.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(71 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(72 * 3600_000);

    // The raw token is nowhere in the account's rows: only the e-mail carries it.
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM "AuthToken" t WHERE t::text LIKE ${`%${token}%`})
            + (SELECT count(*) FROM "User" u WHERE u::text LIKE ${`%${token}%`})
            + (SELECT count(*) FROM "AuditLog" a WHERE a::text LIKE ${`%${token}%`}))::int AS n`;
    expect(n).toBe(0);
    expect(await db.auditLog.count({ where: { subjectUserId: user.id, action: "account.signed_up" } })).toBe(1);
  });

  it("for an address with an ACTIVE account: no second user, no token, the 'already have an account' e-mail", async () => {
    const existing = await createUser({ locale: "en" });
    const before = existing.passwordHash;

    expect(await signUp({ email: existing.email, firstName: "Eve", lastName: "Other", password: "an-attacker-password", locale: "nl" })).toEqual({
      email: existing.email,
    });

    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    const user = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(user).toMatchObject({ passwordHash: before, firstName: "Test", status: "ACTIVE", locale: "en" });
    expect(await db.authToken.count({ where: { userId: existing.id } })).toBe(0);
    const mails = await outboxFor(existing.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "activation-reminder-existing", locale: "en", payload: { name: "Test", url: `${APP_URL}/en/sign-in` } });
  });

  it("for an address still INVITED: updates that account and replaces its activation link", async () => {
    const first = await signUpNew();
    await signUp({ email: first.email, firstName: "Bea", lastName: "Jansen", password: NEW_PASSWORD, locale: "en" });
    expect(await db.user.count({ where: { email: first.email } })).toBe(1);
    const user = await db.user.findUniqueOrThrow({ where: { id: first.user.id } });
    expect(user).toMatchObject({ firstName: "Bea", status: "INVITED", locale: "en" });
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
    // The first link no longer works; the second does.
    await expectAppError(activateAccount({ token: first.token }), "GONE", "link_expired");
    const second = (await outboxFor(first.email)).filter((m) => m.template === "activation")[1]!;
    expect(await activateAccount({ token: tokenFromPayload(second.payload) })).toEqual({ email: first.email });
  });
});

describe("activateAccount", () => {
  it("activates once; a second use is GONE link_used", async () => {
    const { email, user, token } = await signUpNew();
    expect(await activateAccount({ token })).toEqual({ email });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.status).toBe("ACTIVE");
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeInstanceOf(Date);

    await expectAppError(activateAccount({ token }), "GONE", "link_used");
    expect(await db.auditLog.count({ where: { subjectUserId: user.id, action: "account.activated" } })).toBe(1);
  });

  it("refuses an expired link (GONE link_expired) and leaves the account INVITED", async () => {
    const { user, token } = await signUpNew();
    await db.authToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(activateAccount({ token }), "GONE", "link_expired");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("INVITED");
  });

  it("refuses an unknown token, and a password-reset token, as NOT_FOUND", async () => {
    await expectAppError(activateAccount({ token: "x".repeat(43) }), "NOT_FOUND", "link_invalid");
    const user = await createUser();
    const { token } = await createAuthToken(user.id, "PASSWORD_RESET");
    await expectAppError(activateAccount({ token }), "NOT_FOUND", "link_invalid");
  });

  it("of 10 concurrent uses of one link, exactly one succeeds", async () => {
    const { email, user, token } = await signUpNew();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => activateAccount({ token })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect((ok[0] as PromiseFulfilledResult<{ email: string }>).value).toEqual({ email });
    expect(failed).toHaveLength(9);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(AppError);
      expect((f.reason as AppError).code).toBe("GONE");
      expect((f.reason as AppError).messageKey).toBe("link_used");
    }
    expect(await db.auditLog.count({ where: { subjectUserId: user.id, action: "account.activated" } })).toBe(1);
  });

  it("an invited account without a password must choose one, and the link stays usable until then", async () => {
    const user = await createUser({ status: "INVITED", password: null });
    const { token } = await createAuthToken(user.id, "ACTIVATION");

    const e = await expectAppError(activateAccount({ token }), "VALIDATION", "password_needed");
    expect(e.fieldErrors).toEqual({ password: ["required"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("INVITED");
    expect((await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeNull();

    await activateAccount({ token, password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.status).toBe("ACTIVE");
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
  });

  it("does not replace an existing password with one given on the form", async () => {
    const { user, token } = await signUpNew();
    await activateAccount({ token, password: "someone-elses-password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(PASSWORD, after.passwordHash)).toBe(true);
  });

  it("refuses the link of a DISABLED account", async () => {
    const user = await createUser({ status: "DISABLED" });
    const { token } = await createAuthToken(user.id, "ACTIVATION");
    await expectAppError(activateAccount({ token }), "NOT_FOUND", "link_invalid");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("DISABLED");
  });
});

describe("verifyCredentials", () => {
  it("opens a session for the right password (address normalised)", async () => {
    const user = await createUser();
    const res = await verifyCredentials({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD, address: uniqueAddress(), userAgent: "vitest" });
    expect(res.userId).toBe(user.id);
    const session = await db.authSession.findUniqueOrThrow({ where: { id: res.sessionId } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null, userAgent: "vitest" });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password, an unknown address, an INVITED and a DISABLED account with the same error", async () => {
    const active = await createUser();
    const invited = await createUser({ status: "INVITED" });
    const disabled = await createUser({ status: "DISABLED" });
    const address = uniqueAddress();
    const attempts = [
      { email: active.email, password: "wrong-password-123" },
      { email: uniqueEmail("nobody"), password: PASSWORD },
      { email: invited.email, password: PASSWORD },
      { email: disabled.email, password: PASSWORD },
    ];
    for (const a of attempts) await expectAppError(verifyCredentials({ ...a, address }), "UNAUTHENTICATED", "invalid_credentials");
    expect(await db.authSession.count({ where: { userId: { in: [active.id, invited.id, disabled.id] } } })).toBe(0);
  });

  it("refuses the 6th attempt within the window, even with the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      await expectAppError(verifyCredentials({ email: user.email, password: `wrong-${i}-password`, address: uniqueAddress() }), "UNAUTHENTICATED");
    }
    await expectAppError(verifyCredentials({ email: user.email, password: PASSWORD, address: uniqueAddress() }), "RATE_LIMITED", "too_many_attempts");
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a successful sign-in resets the account's count of failed attempts", async () => {
    const user = await createUser();
    const address = uniqueAddress();
    for (let i = 0; i < 4; i++) await expectAppError(verifyCredentials({ email: user.email, password: "wrong-password-1", address }), "UNAUTHENTICATED");
    await verifyCredentials({ email: user.email, password: PASSWORD, address });
    for (let i = 0; i < 4; i++) await expectAppError(verifyCredentials({ email: user.email, password: "wrong-password-1", address }), "UNAUTHENTICATED");
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, address })).userId).toBe(user.id);
  });
});

describe("password reset", () => {
  async function requestReset(email: string) {
    await requestPasswordReset({ email, address: uniqueAddress() });
    const mails = (await outboxFor(email)).filter((m) => m.template === "password-reset");
    return mails.length ? tokenFromPayload(mails[mails.length - 1]!.payload) : null;
  }

  it("a reset link works once, sets the password and ends every session", async () => {
    const user = await createUser();
    await Promise.all([createSession(user.id), createSession(user.id), createSession(user.id)]);
    const token = await requestReset(user.email);
    expect(token).not.toBeNull();
    const [mail] = (await outboxFor(user.email)).filter((m) => m.template === "password-reset");
    expect(mail).toMatchObject({ locale: "nl", payload: { name: "Test", url: `${APP_URL}/nl/reset-password/${token}` } });
    const row = await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token!) } });
    expect(row.kind).toBe("PASSWORD_RESET");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);

    await resetPassword({ token: token!, password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
    expect(await verifyPassword(PASSWORD, after.passwordHash)).toBe(false);
    expect(await liveSessions(user.id)).toEqual([]);
    expect((await outboxFor(user.email)).map((m) => m.template)).toEqual(["password-reset", "password-changed"]);

    await expectAppError(resetPassword({ token: token!, password: "yet-another-password" }), "GONE", "link_used");
    expect(await verifyPassword(NEW_PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
  });

  it("a reset link expires after 30 minutes", async () => {
    const user = await createUser();
    const session = await createSession(user.id);
    const token = await requestReset(user.email);
    // 30 minutes later.
    await db.authToken.update({ where: { tokenHash: hashToken(token!) }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expectAppError(resetPassword({ token: token!, password: NEW_PASSWORD }), "GONE", "link_expired");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect((await liveSessions(user.id)).map((s) => s.id)).toEqual([session.id]);
  });

  it("a newer request invalidates the earlier link", async () => {
    const user = await createUser();
    const first = await requestReset(user.email);
    const second = await requestReset(user.email);
    expect(second).not.toBe(first);
    await expectAppError(resetPassword({ token: first!, password: NEW_PASSWORD }), "GONE", "link_expired");
    await resetPassword({ token: second!, password: NEW_PASSWORD });
  });

  it("sends nothing for an unknown or not yet active account, and an activation link is no reset link", async () => {
    const unknown = uniqueEmail("nobody");
    expect(await requestReset(unknown)).toBeNull();
    const invited = await createUser({ status: "INVITED" });
    expect(await requestReset(invited.email)).toBeNull();
    expect(await db.authToken.count({ where: { userId: invited.id } })).toBe(0);

    const { token } = await createAuthToken(invited.id, "ACTIVATION");
    await expectAppError(resetPassword({ token, password: NEW_PASSWORD }), "NOT_FOUND", "link_invalid");
  });

  it("drops requests beyond 3 an hour for one account", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: user.email, address: uniqueAddress() });
    expect((await outboxFor(user.email)).filter((m) => m.template === "password-reset")).toHaveLength(3);
  });
});

describe("changePassword", () => {
  it("with a wrong current password: VALIDATION, and nothing changes", async () => {
    const user = await createUser();
    const current = await createSession(user.id);
    const other = await createSession(user.id);
    const actor = await actorFor(user.id, current.id);

    const e = await expectAppError(changePassword({ actor, currentPassword: "not-my-password", password: NEW_PASSWORD }), "VALIDATION", "current_password_wrong");
    expect(e.fieldErrors).toEqual({ currentPassword: ["current_password_wrong"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
    expect((await liveSessions(user.id)).map((s) => s.id).sort()).toEqual([current.id, other.id].sort());
    expect(await outboxFor(user.email)).toEqual([]);
  });

  it("with the right one: sets the password, ends the other sessions, keeps this one", async () => {
    const user = await createUser();
    const stranger = await createUser();
    const strangerSession = await createSession(stranger.id);
    const current = await createSession(user.id);
    await createSession(user.id);
    await createSession(user.id);
    const actor = await actorFor(user.id, current.id);

    await changePassword({ actor, currentPassword: PASSWORD, password: NEW_PASSWORD });
    expect(await verifyPassword(NEW_PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
    expect((await liveSessions(user.id)).map((s) => s.id)).toEqual([current.id]);
    expect(await db.authSession.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(2);
    expect((await liveSessions(stranger.id)).map((s) => s.id)).toEqual([strangerSession.id]);
    expect((await outboxFor(user.email)).map((m) => m.template)).toEqual(["password-changed"]);
  });
});

describe("signOutEverywhere", () => {
  it("ends every session of the account, this one included, and no one else's", async () => {
    const user = await createUser();
    const stranger = await createUser();
    const strangerSession = await createSession(stranger.id);
    const current = await createSession(user.id);
    await createSession(user.id);
    await createSession(user.id, { revokedAt: new Date(Date.now() - 60_000) });

    expect(await signOutEverywhere({ actor: await actorFor(user.id, current.id) })).toEqual({ ended: 2 });
    expect(await liveSessions(user.id)).toEqual([]);
    expect((await liveSessions(stranger.id)).map((s) => s.id)).toEqual([strangerSession.id]);
    expect(await db.auditLog.count({ where: { subjectUserId: user.id, action: "account.signed_out_everywhere" } })).toBe(1);
    expect((await outboxFor(user.email)).map((m) => m.template)).toEqual(["signed-out-everywhere"]);
    expect(await outboxFor(stranger.email)).toEqual([]);
  });
});

describe("endSessionById (next-auth's own sign-out route)", () => {
  it("revokes that session on the server, and only that one", async () => {
    const user = await createUser();
    const ended = await createSession(user.id);
    const other = await createSession(user.id);
    await endSessionById(ended.id);
    expect((await liveSessions(user.id)).map((s) => s.id)).toEqual([other.id]);
  });
});
