import "server-only";
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { env } from "./env";

/**
 * The id of the server-side session a request's cookie names, or null (docs/decisions/0004,
 * 0044). What next-auth's `auth()` returned to `getActor()`, without its detour: `auth()` runs
 * the whole `/api/auth/session` handler per call (a `Request`, the cookie decoded with a key
 * derived by HKDF, the callbacks, a new token encrypted for a `Set-Cookie` that a server
 * component cannot send, a `Response` written and parsed back). Here the cookie is decoded with
 * next-auth's own `decode`, and a token decoded once is remembered by its SHA-256 until it
 * expires: the next request with the same cookie skips the key derivation and the decryption.
 *
 * What this remembers is only which session row a cookie names; `getActor()` still reads that
 * row on every request, so a revoked session or a disabled user is refused on the next request,
 * on every node. A forged or tampered cookie does not decode and is never remembered.
 */

/** Whether next-auth's cookies are `Secure` (lib/server/auth.ts's `useSecureCookies`): over HTTPS. */
export function usesSecureCookies(): boolean {
  return env.APP_URL.startsWith("https://");
}

/** next-auth's session cookie name, `__Secure-` prefixed with secure cookies. */
export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}authjs.session-token`;
}

/** next-auth splits a large token into `name.0`, `name.1`…; ours carries a session id and is one cookie. */
export function sessionToken(cookies: { name: string; value: string }[], name = sessionCookieName()): string | null {
  // `name` or `name.<digits>`, compared without building a pattern per request.
  const isPart = (n: string) => n === name || (n.startsWith(`${name}.`) && /^\d+$/.test(n.slice(name.length + 1)));
  const parts = cookies.filter((c) => c.value && isPart(c.name));
  if (!parts.length) return null;
  const whole = parts.find((c) => c.name === name);
  if (whole) return whole.value;
  return parts
    .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()))
    .map((c) => c.value)
    .join("");
}

/** next-auth's `decode` allows 15 s of clock skew; so does the memory. */
const CLOCK_TOLERANCE_MS = 15_000;
/** Enough for the sessions one node serves at once; the oldest entry goes first. */
const REMEMBERED = 10_000;
const decoded = new Map<string, { sid: string | null; expiresAt: number }>();

export async function sessionIdOf(token: string | null, now = Date.now()): Promise<string | null> {
  if (!token) return null;
  const key = createHash("sha256").update(token).digest("base64url");
  const known = decoded.get(key);
  if (known) {
    if (known.expiresAt + CLOCK_TOLERANCE_MS > now) return known.sid;
    decoded.delete(key);
    return null;
  }
  const name = sessionCookieName();
  let payload: { exp?: unknown; sid?: unknown } | null;
  try {
    // The current secret signs; the previous ones still open what they signed (rotation).
    payload = await decode({ token, secret: [env.AUTH_SECRET, ...env.AUTH_SECRET_PREVIOUS], salt: name });
  } catch {
    return null;
  }
  if (!payload || typeof payload.exp !== "number") return null;
  const sid = typeof payload.sid === "string" ? payload.sid : null;
  if (decoded.size >= REMEMBERED) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, { sid, expiresAt: payload.exp * 1000 });
  return sid;
}

/** For tests: forget every decoded token. */
export function forgetDecodedSessions(): void {
  decoded.clear();
}
