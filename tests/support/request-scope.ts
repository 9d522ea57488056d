/**
 * Runs server actions and route handlers in integration tests the way Next.js runs them: inside
 * a request scope (Next's own work and request stores, built with Next's own factories), so the
 * action wrapper's `headers()`, the session cookie getActor() reads through `cookies()`, and
 * `revalidatePath()` work for real. Nothing is mocked: the caller is signed in by a real session
 * row and a real session cookie (the JWT lib/server/session-cookie.ts decodes), and every database call
 * reaches the real database.
 */
import { encode } from "next-auth/jwt";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createWorkStore } from "next/dist/server/async-storage/work-store";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { db } from "@/lib/server/db";
import type { ActionResult } from "@/lib/server/action";

export const SESSION_COOKIE = "authjs.session-token";
export const APP_ORIGIN = "http://localhost:3999";

export interface Caller {
  /** The session cookie's value, or none (signed out). */
  cookie?: string;
  /** The client address (X-Forwarded-For as scripts/server.mjs sets it). */
  address?: string;
  /** The interface language the proxy passes on (x-locale). */
  locale?: string;
}

/** A signed-in caller: a server-side session row and the session cookie naming it. */
export async function signedIn(userId: string, over: Omit<Caller, "cookie"> = {}): Promise<Caller & { sessionId: string }> {
  const session = await db.authSession.create({ data: { userId, expiresAt: new Date(Date.now() + 24 * 3600_000) } });
  const cookie = await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
  return { ...over, cookie, sessionId: session.id };
}

function requestHeaders(caller: Caller, extra?: HeadersInit): Headers {
  const h = new Headers(extra);
  if (caller.cookie) h.set("cookie", `${SESSION_COOKIE}=${caller.cookie}`);
  h.set("x-forwarded-for", caller.address ?? "127.0.0.1");
  if (caller.locale) h.set("x-locale", caller.locale);
  h.set("host", new URL(APP_ORIGIN).host);
  return h;
}

/** Runs `fn` in a fresh request scope for `caller`, as a server action's POST (the action phase). */
export function inRequest<T>(caller: Caller, fn: () => Promise<T>, page = "/[locale]/test/page"): Promise<T> {
  const headers = requestHeaders(caller);
  const workStore = createWorkStore({
    page,
    renderOpts: { experimental: {}, incrementalCache: {} } as never,
    isPrefetchRequest: false,
    buildId: "test",
    previouslyRevalidatedTags: [],
  } as never);
  const requestStore = createRequestStoreForAPI({ headers } as never, new URL(APP_ORIGIN + "/"), undefined as never, () => {}, undefined as never, undefined);
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}

export type Outcome<T = unknown> = ActionResult<T> | { ok: true; redirect: string };

type ServerAction = (prev: unknown, input: never) => Promise<unknown>;

/**
 * Calls a server action as a browser's form post would: through the action wrapper, in a
 * request scope. A redirect after success (redirect() throws NEXT_REDIRECT) comes back as
 * `{ ok: true, redirect }`.
 */
export async function callAction<T = unknown>(caller: Caller, fn: ServerAction, input: unknown): Promise<Outcome<T>> {
  return inRequest(caller, async () => {
    try {
      return (await fn(undefined, input as never)) as Outcome<T>;
    } catch (e) {
      if (isRedirectError(e)) return { ok: true as const, redirect: String((e as { digest: string }).digest.split(";")[2]) };
      throw e;
    }
  });
}

type RouteHandler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** Calls a route handler with a real Request carrying the caller's cookie, in a request scope. */
export async function callRoute(
  caller: Caller,
  handler: RouteHandler,
  request: { method?: string; path: string; body?: BodyInit; headers?: HeadersInit; params?: Record<string, unknown> },
): Promise<Response> {
  const headers = requestHeaders(caller, request.headers);
  const req = new Request(APP_ORIGIN + request.path, { method: request.method ?? "GET", headers, body: request.body, duplex: "half" } as RequestInit);
  return inRequest(caller, () => handler(req, { params: Promise.resolve(request.params ?? {}) }), "/api/test/route");
}
