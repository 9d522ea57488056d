/**
 * The next-auth wiring across the layers (docs/decisions/0004-sessions.md, 0011-boundaries.md): the
 * instance of lib/accounts/next-auth.ts signs in through its route handlers, and lib/server/auth.ts's
 * auth() — what getActor() reads — decodes the same cookie into the id of the server-side session.
 */
import { describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { handlers } from "@/lib/accounts/next-auth";
import { auth } from "@/lib/server/auth";
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
    /** lib/server's auth() on a request carrying this jar's cookies (its API-route form). */
    async session(): Promise<{ sid?: string } | null> {
      const read = auth as unknown as (req: { headers: Record<string, string> }, res: { headers: Headers }) => Promise<{ sid?: string } | null>;
      return read({ headers: { cookie: cookie() } }, { headers: new Headers() });
    },
  };
}

describe("next-auth: sign-in instance in lib/accounts, cookie decoding in lib/server", () => {
  it("a sign-in opens one server session whose id is all lib/server's auth() reads; the sign-out route ends it", async () => {
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
