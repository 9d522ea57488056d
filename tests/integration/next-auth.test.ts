/**
 * The next-auth wiring across the layers (docs/decisions/0004-sessions.md, 0011-boundaries.md): the
 * instance of lib/accounts/next-auth.ts signs in through its route handlers, and
 * lib/server/session-cookie.ts — what getActor() reads — decodes the same cookie into the id of the
 * server-side session.
 */
import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { handlers } from "@/lib/accounts/next-auth";
import { forgetDecodedSessions, sessionIdOf, sessionToken } from "@/lib/server/session-cookie";
import { db } from "@/lib/server/db";
import { createUser, PASSWORD, uniqueAddress } from "@/tests/factories";

const AUTH = "http://localhost:3999/api/auth";
const SESSION_COOKIE = "authjs.session-token";

/** A browser's cookie jar against the route handlers. */
function browser() {
  const jar = new Map<string, string>();
  const address = uniqueAddress();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const [name, value] = [pair.slice(0, i), pair.slice(i + 1)];
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.set(name, value);
      else jar.delete(name);
    }
    return res;
  };
  type Handler = (req: Request) => Promise<Response>;
  const [GET, POST] = [handlers.GET as unknown as Handler, handlers.POST as unknown as Handler];
  return {
    jar,
    async csrf(): Promise<string> {
      const res = keep(await GET(new Request(`${AUTH}/csrf`, { headers: { cookie: cookie() } })));
      return ((await res.json()) as { csrfToken: string }).csrfToken;
    },
    async post(path: string, form: Record<string, string>): Promise<Response> {
      const headers = { cookie: cookie(), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address };
      return keep(await POST(new Request(`${AUTH}/${path}`, { method: "POST", headers, body: new URLSearchParams(form) })));
    },
    /** What getActor() reads from a request carrying this jar's cookies. */
    async session(): Promise<{ sid?: string } | null> {
      const sid = await sessionIdOf(sessionToken([...jar].map(([name, value]) => ({ name, value }))));
      return sid ? { sid } : null;
    },
  };
}

describe("next-auth: sign-in instance in lib/accounts, cookie decoding in lib/server", () => {
  it("a sign-in opens one server session whose id is all lib/server reads; the sign-out route ends it", async () => {
    const user = await createUser();
    const b = browser();
    const csrfToken = await b.csrf();
    expect(await b.session()).toBeNull();

    const res = await b.post("callback/credentials", { email: user.email, password: PASSWORD, csrfToken });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).not.toContain("error");
    const [row, ...more] = await db.authSession.findMany({ where: { userId: user.id } });
    expect(more).toEqual([]);
    expect(row.revokedAt).toBeNull();
    expect((await b.session())?.sid).toBe(row.id);

    // The JWT names the session row (and next-auth's subject); no e-mail, role or membership.
    const token = await decode({ token: b.jar.get(SESSION_COOKIE), secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
    expect(token?.sid).toBe(row.id);
    expect(Object.keys(token ?? {}).sort()).toEqual(["exp", "iat", "jti", "sid", "sub"]);

    const out = await b.post("signout", { csrfToken });
    expect(out.status).toBe(302);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    expect(b.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await b.session()).toBeNull();
  });

  it("a refused sign-in opens no session and sets no session cookie", async () => {
    const user = await createUser();
    const b = browser();
    const res = await b.post("callback/credentials", { email: user.email, password: "not-the-password", csrfToken: await b.csrf() });
    expect(res.headers.get("location")).toMatch(/\/nl\/sign-in\?error=CredentialsSignin&code=invalid$/);
    expect(b.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await b.session()).toBeNull();
  });
});

describe("lib/server/session-cookie: the session id of a cookie", () => {
  const SECRET = process.env.AUTH_SECRET!;
  const token = (payload: Record<string, unknown>, maxAge = 3600, secret = SECRET) => encode({ token: payload, secret, salt: SESSION_COOKIE, maxAge });

  it("reads the sid of a token next-auth signed, whole or in chunks, and remembers it until it expires", async () => {
    forgetDecodedSessions();
    const t = await token({ sid: "session-a" });
    expect(await sessionIdOf(sessionToken([{ name: SESSION_COOKIE, value: t }]))).toBe("session-a");
    const half = Math.floor(t.length / 2);
    const chunks = [
      { name: `${SESSION_COOKIE}.1`, value: t.slice(half) },
      { name: `${SESSION_COOKIE}.0`, value: t.slice(0, half) },
    ];
    expect(sessionToken(chunks)).toBe(t);
    // Remembered: the same token an hour and a bit later (past exp + 15 s) no longer reads.
    const exp = Date.now() + 3600_000;
    expect(await sessionIdOf(t, exp + 10_000)).toBe("session-a");
    expect(await sessionIdOf(t, exp + 20_000)).toBeNull();
  });

  it("refuses a token of another secret, a tampered one, an expired one and other cookies", async () => {
    forgetDecodedSessions();
    expect(await sessionIdOf(await token({ sid: "x" }, 3600, "another-secret-0123456789abcdef0123"))).toBeNull();
    const t = await token({ sid: "session-b" });
    const tampered = t.slice(0, -4) + (t.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionIdOf(tampered)).toBeNull();
    expect(await sessionIdOf(await token({ sid: "old" }, -60))).toBeNull();
    expect(await sessionIdOf(await token({ sub: "no-sid" }))).toBeNull();
    expect(sessionToken([{ name: "authjs.csrf-token", value: t }, { name: "other", value: t }])).toBeNull();
    expect(sessionToken([{ name: `${SESSION_COOKIE}x.0`, value: t }])).toBeNull();
    // The genuine token still reads after the refusals (nothing wrong was remembered for it).
    expect(await sessionIdOf(t)).toBe("session-b");
  });
});
