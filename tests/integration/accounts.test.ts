import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashingStats, verifyPassword } from "@/lib/server/password";
import { env } from "@/lib/server/env";
import { hashToken } from "@/lib/server/tokens";
import { signUp } from "@/lib/accounts/sign-up";
import { activateAccount } from "@/lib/accounts/activate-account";
import { verifyCredentials } from "@/lib/accounts/verify-credentials";
import { trackDemoSeed } from "@/lib/server/demo-seed-state";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resetPassword } from "@/lib/accounts/reset-password";
import { changePassword } from "@/lib/accounts/change-password";
import { endSessionById, signOutEverywhere } from "@/lib/accounts/sign-out";
import { peekToken } from "@/lib/accounts/queries";
import { LIMITS } from "@/lib/server/rate-limit";
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
  await signUp({ address: uniqueAddress(), email, firstName: "Ann", lastName: "de Vries", password: PASSWORD, locale: over.locale ?? "nl" });
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const [mail] = (await outboxFor(email)).filter((m) => m.template === "activation");
  return { email, user, token: tokenFromPayload(mail!.payload) };
}

const liveSessions = (userId: string) => db.authSession.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "asc" } });

describe("signUp", () => {
  it("creates an INVITED user, an activation token stored as a hash only, and its e-mail", async () => {
    const email = uniqueEmail("signup");
    expect(await signUp({ address: uniqueAddress(), email, firstName: "Ann", lastName: "de Vries", password: PASSWORD, locale: "en" })).toEqual({ email });

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ status: "INVITED", firstName: "Ann", lastName: "de Vries", locale: "en", emailVerifiedAt: null });
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);

    const mails = await outboxFor(email);
    expect(mails.map((m) => [m.template, m.locale, m.status])).toEqual([["activation", "en", "PENDING"]]);
    const url = String((mails[0]!.payload as { url: string }).url);
    // The one link that activates the account with the password typed at this sign-up.
    expect(url).toMatch(new RegExp(`^${APP_URL}/en/activate/su_[A-Za-z0-9_-]{43}$`));
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

    expect(await signUp({ address: uniqueAddress(), email: existing.email, firstName: "Eve", lastName: "Other", password: "an-attacker-password", locale: "nl" })).toEqual({
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

  it("for an address still INVITED: changes nothing on it, and replaces its activation link by one whose holder chooses the password", async () => {
    const first = await signUpNew();
    await signUp({ address: uniqueAddress(), email: first.email, firstName: "Bea", lastName: "Jansen", password: NEW_PASSWORD, locale: "en" });
    expect(await db.user.count({ where: { email: first.email } })).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: first.user.id } })).toEqual(first.user);
    // The first link no longer works; the second asks for a password.
    await expectAppError(activateAccount({ address: uniqueAddress(), token: first.token }), "GONE", "link_expired");
    const second = tokenFromPayload((await outboxFor(first.email)).filter((m) => m.template === "activation")[1]!.payload);
    await expectAppError(activateAccount({ address: uniqueAddress(), token: second }), "VALIDATION", "password_needed");
    expect(await activateAccount({ address: uniqueAddress(), token: second, password: "chosen-at-activation" })).toEqual({ email: first.email });
  });
});

/**
 * Security review, issue 11: a sign-up with the address of an account nobody activated yet (a
 * garage's buyer, an earlier sign-up) planted the stranger's password on it, and the owner's
 * activation made it live.
 */
/** Whether the password signs in (false: refused as UNAUTHENTICATED, never another error). */
const signsIn = async (email: string, password: string) =>
  verifyCredentials({ email, password, address: uniqueAddress() }).then(
    () => true,
    (e: unknown) => {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("UNAUTHENTICATED");
      return false;
    },
  );

describe("signUp never changes an existing account", () => {
  const STRANGER = "the-strangers-password";
  const OWNER = "the-owners-own-password";
  const activationLinks = async (email: string) => (await outboxFor(email)).filter((m) => m.template === "activation").map((m) => tokenFromPayload(m.payload));

  it("a garage's buyer (INVITED, no password yet): nothing changes, the stranger's password never signs in, the owner sets their own", async () => {
    const buyer = await createUser({ status: "INVITED", password: null });
    expect(await signUp({ address: uniqueAddress(), email: buyer.email, firstName: "Eve", lastName: "Stranger", password: STRANGER, locale: "en" })).toEqual({
      email: buyer.email,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).toEqual(buyer);
    expect(await db.auditLog.count({ where: { subjectUserId: buyer.id } })).toBe(0);
    expect(await signsIn(buyer.email, STRANGER)).toBe(false);

    // The address gets an activation e-mail in its own language and name, not the stranger's.
    const [mail] = await outboxFor(buyer.email);
    expect(mail).toMatchObject({ template: "activation", locale: "nl", payload: { name: "Test" } });
    const [link] = await activationLinks(buyer.email);
    expect(await peekToken(link!, "ACTIVATION")).toMatchObject({ state: "valid", needsPassword: true });
    await expectAppError(activateAccount({ address: uniqueAddress(), token: link! }), "VALIDATION", "password_needed");
    await activateAccount({ address: uniqueAddress(), token: link!, password: OWNER });

    expect(await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ status: "ACTIVE", firstName: "Test", lastName: "User" });
    expect(await signsIn(buyer.email, STRANGER)).toBe(false);
    expect(await signsIn(buyer.email, OWNER)).toBe(true);
  });

  it("an account a stranger's sign-up created: the owner's sign-up changes nothing, ends the stranger's link, and the owner chooses the password", async () => {
    const email = uniqueEmail("planted");
    await signUp({ address: uniqueAddress(), email, firstName: "Eve", lastName: "Stranger", password: STRANGER, locale: "en" });
    const planted = await db.user.findUniqueOrThrow({ where: { email } });
    const [strangersLink] = await activationLinks(email);
    expect(await peekToken(strangersLink!, "ACTIVATION")).toMatchObject({ state: "valid", passwordMode: "confirm" });

    // The owner signs up too, with a password typed at a sign-up that did not create the account.
    await signUp({ address: uniqueAddress(), email, firstName: "Olga", lastName: "Owner", password: "typed-at-the-second-sign-up", locale: "nl" });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toEqual(planted);
    await expectAppError(activateAccount({ address: uniqueAddress(), token: strangersLink! }), "GONE", "link_expired");

    const [, ownersLink] = await activationLinks(email);
    expect(await peekToken(ownersLink!, "ACTIVATION")).toMatchObject({ state: "valid", needsPassword: true });
    await expectAppError(activateAccount({ address: uniqueAddress(), token: ownersLink!, password: undefined }), "VALIDATION", "password_needed");
    await activateAccount({ address: uniqueAddress(), token: ownersLink!, password: OWNER });

    expect(await signsIn(email, STRANGER)).toBe(false);
    expect(await signsIn(email, "typed-at-the-second-sign-up")).toBe(false);
    expect(await signsIn(email, OWNER)).toBe(true);
  });
});

const STRANGER_AT_SIGN_UP = "strangers-sign-up-password";
const OWNERS_OWN = "owners-own-password-42";

describe("activateAccount", () => {
  it("activates once; a second use is GONE link_used", async () => {
    const { email, user, token } = await signUpNew();
    expect(await activateAccount({ address: uniqueAddress(), token, password: PASSWORD })).toEqual({ email });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.status).toBe("ACTIVE");
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeInstanceOf(Date);

    await expectAppError(activateAccount({ address: uniqueAddress(), token }), "GONE", "link_used");
    expect(await db.auditLog.count({ where: { subjectUserId: user.id, action: "account.activated" } })).toBe(1);
  });

  it("refuses an expired link (GONE link_expired) and leaves the account INVITED", async () => {
    const { user, token } = await signUpNew();
    await db.authToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(activateAccount({ address: uniqueAddress(), token }), "GONE", "link_expired");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("INVITED");
  });

  it("refuses an unknown token, and a password-reset token, as NOT_FOUND", async () => {
    await expectAppError(activateAccount({ address: uniqueAddress(), token: "x".repeat(43) }), "NOT_FOUND", "link_invalid");
    const user = await createUser();
    const { token } = await createAuthToken(user.id, "PASSWORD_RESET");
    await expectAppError(activateAccount({ address: uniqueAddress(), token }), "NOT_FOUND", "link_invalid");
  });

  it("of 10 concurrent uses of one link, exactly one succeeds", async () => {
    const { email, user, token } = await signUpNew();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => activateAccount({ address: uniqueAddress(), token, password: PASSWORD })));
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

    const e = await expectAppError(activateAccount({ address: uniqueAddress(), token }), "VALIDATION", "password_needed");
    expect(e.fieldErrors).toEqual({ password: ["required"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("INVITED");
    expect((await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeNull();

    await activateAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.status).toBe("ACTIVE");
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
  });

  it("a sign-up link activates only with the sign-up password typed again, or with a new one chosen instead", async () => {
    const { user, token } = await signUpNew();
    const e = await expectAppError(activateAccount({ address: uniqueAddress(), token }), "VALIDATION", "sign_up_password_needed");
    expect(e.fieldErrors).toEqual({ password: ["required"] });
    const wrong = await expectAppError(activateAccount({ address: uniqueAddress(), token, password: "someone-elses-password" }), "VALIDATION", "sign_up_password_wrong");
    expect(wrong.fieldErrors).toEqual({ password: ["sign_up_password_wrong"] });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ status: "INVITED", passwordHash: user.passwordHash });
    expect((await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeNull();

    await activateAccount({ address: uniqueAddress(), token, password: PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.status).toBe("ACTIVE");
    expect(await verifyPassword(PASSWORD, after.passwordHash)).toBe(true);
  });

  it("a stranger's sign-up for an address with no account: the address's owner activates only with a password of their own", async () => {
    const email = uniqueEmail("no-account-yet");
    await signUp({ address: uniqueAddress(), email, firstName: "Eve", lastName: "Stranger", password: STRANGER_AT_SIGN_UP, locale: "en" });
    const [link] = (await outboxFor(email)).filter((m) => m.template === "activation").map((m) => tokenFromPayload(m.payload));
    expect(await peekToken(link!, "ACTIVATION")).toMatchObject({ state: "valid", passwordMode: "confirm" });

    // The mailbox's owner does not know the stranger's password: following the link alone activates nothing.
    await expectAppError(activateAccount({ address: uniqueAddress(), token: link! }), "VALIDATION", "sign_up_password_needed");
    await expectAppError(activateAccount({ address: uniqueAddress(), token: link!, password: "owners-guess-1234" }), "VALIDATION", "sign_up_password_wrong");
    expect(await signsIn(email, STRANGER_AT_SIGN_UP)).toBe(false);

    // They choose their own password instead: the stranger's never signs in.
    await activateAccount({ address: uniqueAddress(), token: link!, password: OWNERS_OWN, choose: true });
    expect(await signsIn(email, STRANGER_AT_SIGN_UP)).toBe(false);
    expect(await signsIn(email, OWNERS_OWN)).toBe(true);
  });

  it("refuses the link of a DISABLED account", async () => {
    const user = await createUser({ status: "DISABLED" });
    const { token } = await createAuthToken(user.id, "ACTIVATION");
    await expectAppError(activateAccount({ address: uniqueAddress(), token }), "NOT_FOUND", "link_invalid");
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

  it("in demo mode, waits for the background demo seed: an account it creates can sign in at once", async () => {
    let finishSeed!: () => void;
    trackDemoSeed(new Promise<void>((r) => (finishSeed = r)));
    try {
      const email = uniqueEmail("seeded");
      const signingIn = verifyCredentials({ email, password: PASSWORD, address: uniqueAddress() });
      // The seed creates the account after the sign-in began; the sign-in has not read anything
      // yet, not even its rate limit; then the seed ends.
      const user = await createUser({ email });
      expect(await db.rateLimitBucket.count({ where: { key: { startsWith: `signin:account:${email}:` } } })).toBe(0);
      finishSeed();
      expect((await signingIn).userId).toBe(user.id);
    } finally {
      trackDemoSeed(undefined);
    }
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

  it("refuses the 6th attempt from one address within the window, even with the right password", async () => {
    const user = await createUser();
    const address = uniqueAddress();
    for (let i = 0; i < 5; i++) {
      await expectAppError(verifyCredentials({ email: user.email, password: `wrong-${i}-password`, address }), "UNAUTHENTICATED");
    }
    await expectAppError(verifyCredentials({ email: user.email, password: PASSWORD, address }), "RATE_LIMITED", "too_many_attempts");
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a stranger's failures do not lock the owner out: 20 wrong from address A, then the right password from B signs in", async () => {
    const user = await createUser();
    const a = uniqueAddress();
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const before = hashingStats().derivations;
      const e = await verifyCredentials({ email: user.email, password: `wrong-${i}-password`, address: a }).then(() => null, (err: unknown) => err);
      expect(e).toBeInstanceOf(AppError);
      outcomes.push((e as AppError).code);
      // A refused attempt costs no hashing.
      if ((e as AppError).code === "RATE_LIMITED") expect(hashingStats().derivations).toBe(before);
      else expect(hashingStats().derivations).toBe(before + 1);
    }
    expect(outcomes).toEqual([...Array(5).fill("UNAUTHENTICATED"), ...Array(15).fill("RATE_LIMITED")]);

    const b = uniqueAddress();
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, address: b })).userId).toBe(user.id);
    // A stays refused, even with the right password.
    await expectAppError(verifyCredentials({ email: user.email, password: PASSWORD, address: a }), "RATE_LIMITED", "too_many_attempts");
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(1);
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

    await resetPassword({ address: uniqueAddress(), token: token!, password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
    expect(await verifyPassword(PASSWORD, after.passwordHash)).toBe(false);
    expect(await liveSessions(user.id)).toEqual([]);
    expect((await outboxFor(user.email)).map((m) => m.template)).toEqual(["password-reset", "password-changed"]);

    await expectAppError(resetPassword({ address: uniqueAddress(), token: token!, password: "yet-another-password" }), "GONE", "link_used");
    expect(await verifyPassword(NEW_PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
  });

  it("a reset link expires after 30 minutes", async () => {
    const user = await createUser();
    const session = await createSession(user.id);
    const token = await requestReset(user.email);
    // 30 minutes later.
    await db.authToken.update({ where: { tokenHash: hashToken(token!) }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expectAppError(resetPassword({ address: uniqueAddress(), token: token!, password: NEW_PASSWORD }), "GONE", "link_expired");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect((await liveSessions(user.id)).map((s) => s.id)).toEqual([session.id]);
  });

  it("a newer request invalidates the earlier link", async () => {
    const user = await createUser();
    const first = await requestReset(user.email);
    const second = await requestReset(user.email);
    expect(second).not.toBe(first);
    await expectAppError(resetPassword({ address: uniqueAddress(), token: first!, password: NEW_PASSWORD }), "GONE", "link_expired");
    await resetPassword({ address: uniqueAddress(), token: second!, password: NEW_PASSWORD });
  });

  it("sends nothing for an unknown or not yet active account, and an activation link is no reset link", async () => {
    const unknown = uniqueEmail("nobody");
    expect(await requestReset(unknown)).toBeNull();
    const invited = await createUser({ status: "INVITED" });
    expect(await requestReset(invited.email)).toBeNull();
    expect(await db.authToken.count({ where: { userId: invited.id } })).toBe(0);

    const { token } = await createAuthToken(invited.id, "ACTIVATION");
    await expectAppError(resetPassword({ address: uniqueAddress(), token, password: NEW_PASSWORD }), "NOT_FOUND", "link_invalid");
  });

  it("drops requests beyond 3 an hour for one account", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: user.email, address: uniqueAddress() });
    expect((await outboxFor(user.email)).filter((m) => m.template === "password-reset")).toHaveLength(3);
  });
});

/**
 * Security review, issue 11: every signed-out form is limited per client address and per account
 * before a password is hashed, and an address gets at most 3 account e-mails an hour.
 */
describe("signed-out limits, counted before hashing", () => {
  const form = (over: { email: string; address: string }) => ({ firstName: "Ann", lastName: "de Vries", password: PASSWORD, locale: "nl" as const, ...over });

  /** Runs `fn` and returns how many password hashes it computed. */
  async function hashesOf(fn: () => Promise<unknown>): Promise<number> {
    const before = hashingStats().derivations;
    await fn();
    return hashingStats().derivations - before;
  }

  it("sign-up: one client address is refused after RATE_LIMIT_FORMS_PER_ADDRESS an hour, before hashing", async () => {
    const address = uniqueAddress();
    for (let i = 0; i < env.RATE_LIMIT_FORMS_PER_ADDRESS; i++) {
      expect(await hashesOf(() => signUp(form({ address, email: uniqueEmail("flood") })))).toBe(1);
    }
    const email = uniqueEmail("flood");
    expect(await hashesOf(() => expectAppError(signUp(form({ address, email })), "RATE_LIMITED"))).toBe(0);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await outboxFor(email)).toEqual([]);
    // Another client is not affected.
    expect(await signUp(form({ address: uniqueAddress(), email }))).toEqual({ email });
  });

  it("sign-up: at most 3 e-mails an hour to one address; after that the same answer, nothing hashed or sent", async () => {
    const email = uniqueEmail("mailbomb");
    const answers: unknown[] = [];
    const hashes: number[] = [];
    for (let i = 0; i < 6; i++) hashes.push(await hashesOf(async () => answers.push(await signUp(form({ address: uniqueAddress(), email })))));
    expect(answers).toEqual(Array(6).fill({ email }));
    expect(hashes).toEqual([1, 1, 1, 0, 0, 0]);
    expect((await outboxFor(email)).map((m) => m.template)).toEqual(["activation", "activation", "activation"]);
  });

  it("sign-up and reset requests share an address's 3 account e-mails an hour", async () => {
    const user = await createUser();
    await signUp(form({ address: uniqueAddress(), email: user.email }));
    await requestPasswordReset({ email: user.email, address: uniqueAddress() });
    await signUp(form({ address: uniqueAddress(), email: user.email }));
    await requestPasswordReset({ email: user.email, address: uniqueAddress() });
    expect(await hashesOf(() => signUp(form({ address: uniqueAddress(), email: user.email })))).toBe(0);
    expect((await outboxFor(user.email)).map((m) => m.template)).toEqual(["activation-reminder-existing", "password-reset", "activation-reminder-existing"]);
  });

  it("activation: an unknown link or a missing password costs no hashing; a client over its limit is refused before the link is read", async () => {
    const user = await createUser({ status: "INVITED", password: null });
    const { token } = await createAuthToken(user.id, "ACTIVATION");
    const address = uniqueAddress();
    expect(await hashesOf(() => expectAppError(activateAccount({ address, token }), "VALIDATION", "password_needed"))).toBe(0);
    for (let i = 1; i < env.RATE_LIMIT_FORMS_PER_ADDRESS; i++) {
      expect(await hashesOf(() => expectAppError(activateAccount({ address, token: `unknown-link-${i}-${"x".repeat(30)}`, password: NEW_PASSWORD }), "NOT_FOUND"))).toBe(0);
    }
    expect(await hashesOf(() => expectAppError(activateAccount({ address, token, password: NEW_PASSWORD }), "RATE_LIMITED"))).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("INVITED");
    // From another address the link still works.
    expect(await hashesOf(() => activateAccount({ address: uniqueAddress(), token, password: NEW_PASSWORD }))).toBe(1);
  });

  it("reset: an unknown link costs no hashing; one account is refused after 10 an hour, before hashing", async () => {
    const user = await createUser();
    expect(await hashesOf(() => expectAppError(resetPassword({ address: uniqueAddress(), token: "y".repeat(43), password: NEW_PASSWORD }), "NOT_FOUND"))).toBe(0);
    for (let i = 0; i < LIMITS.linkPerAccount.max; i++) {
      const { token } = await createAuthToken(user.id, "PASSWORD_RESET");
      expect(await hashesOf(() => resetPassword({ address: uniqueAddress(), token, password: `${NEW_PASSWORD}-${i}` }))).toBe(1);
    }
    const { token } = await createAuthToken(user.id, "PASSWORD_RESET");
    expect(await hashesOf(() => expectAppError(resetPassword({ address: uniqueAddress(), token, password: NEW_PASSWORD }), "RATE_LIMITED"))).toBe(0);
    expect((await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeNull();
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
