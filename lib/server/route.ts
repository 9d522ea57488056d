import "server-only";
/**
 * The shape of a route handler, matching the action wrapper (lib/server/action.ts): the actor is
 * read (signed-out callers refused unless allowed), an expected AppError becomes a JSON error in
 * the caller's language (`?locale=`) with its status, and an unexpected error is logged and
 * answered with a generic message. A route that must not say why it refuses (a document that is
 * not the caller's reads as missing) answers every expected error with a plain 404.
 */
import { AppError, isAppError } from "./errors";
import { errorMessage, internalErrorMessage } from "./error-message";
import { getActor } from "./session";
import { log, requestIdFrom, withRequest } from "./log";
import type { Actor } from "./authz";

type Ctx<P, Anon extends boolean> = { actor: Anon extends true ? Actor | null : Actor; locale: string | null; params: P };

interface Options<Anon extends boolean> {
  anonymous?: Anon;
  /** "json" (default): `{ ok: false, error }` with the code's status; "not-found": a plain 404 for every expected error. */
  errors?: "json" | "not-found";
}

const NO_STORE = { "Cache-Control": "no-store" };

export function notFoundResponse(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE, "X-Content-Type-Options": "nosniff" },
  });
}

export function errorResponse(error: AppError, locale: string | null): Response {
  return Response.json({ ok: false, error: errorMessage(error, locale) }, { status: error.status, headers: NO_STORE });
}

export function route<P = Record<string, never>, Anon extends boolean = false>(
  handler: (request: Request, ctx: Ctx<P, Anon>) => Promise<Response>,
  options: Options<Anon> = {},
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const locale = new URL(request.url).searchParams.get("locale");
    const requestId = requestIdFrom(request.headers);
    const fail = (e: AppError) => (options.errors === "not-found" ? notFoundResponse() : errorResponse(e, locale));
    try {
      const actor = await getActor();
      if (!actor && !options.anonymous) return fail(new AppError("UNAUTHENTICATED"));
      const params = ((await context?.params) ?? {}) as P;
      return await withRequest(requestId, () => handler(request, { actor: actor as Ctx<P, Anon>["actor"], locale, params }));
    } catch (e) {
      if (isAppError(e)) return fail(e);
      log.error({ err: e, requestId, method: request.method }, "route handler failed");
      return Response.json({ ok: false, error: internalErrorMessage(locale) }, { status: 500, headers: NO_STORE });
    }
  };
}
