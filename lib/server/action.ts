import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { isLocale, routing, type AppLocale } from "../../i18n/routing";
import { AppError, isAppError } from "./errors";
import { errorMessage, fieldErrorMessages, internalErrorMessage, validationMessage } from "./error-message";
import { getActor } from "./session";
import { requestAddress } from "./request-address";
import { log, requestIdFrom, withRequest } from "./log";
import type { Actor } from "./authz";
import { fieldWithUnstorableText } from "./fields";

import type { ActionResult } from "./action-types";
export type { ActionResult, ActionError } from "./action-types";

type Ctx<Anon extends boolean> = { actor: Anon extends true ? Actor | null : Actor; address: string; locale: AppLocale };

interface Options<T, Anon extends boolean> {
  /** Allow signed-out callers (sign-up, sign-in, reset). */
  anonymous?: Anon;
  /** Where to go after success; redirect() runs outside the try/catch, as Next.js asks. */
  redirectTo?: (data: T, ctx: { locale: AppLocale }) => string | undefined;
}

function formToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of input.entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

function keepValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (/password|token/i.test(k) || typeof v !== "string") continue;
    out[k] = v.slice(0, 2000);
  }
  return out;
}

/**
 * The one shape of a server action: refuse anonymous callers (unless allowed), parse with a
 * strict zod schema, call the use case, turn an expected AppError into a value with a message in
 * the user's language; log an unexpected error and show a generic message.
 */
export function action<S extends z.ZodType, T, Anon extends boolean = false>(
  schema: S,
  handler: (input: z.output<S>, ctx: Ctx<Anon>) => Promise<T>,
  options: Options<T, Anon> = {},
): (prev: unknown, input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return async (_prev, input) => {
    const h = await headers();
    const raw = formToObject(input as FormData | Record<string, unknown>);
    // The interface language: the page's (the proxy's header), else the form's, else the default.
    const headerLocale = h.get("x-locale");
    const locale = isLocale(headerLocale) ? headerLocale : typeof raw.locale === "string" && isLocale(raw.locale) ? raw.locale : routing.defaultLocale;
    const fail = (error: AppError): ActionResult<T> => ({ ok: false, error: errorMessage(error, locale), values: keepValues(raw) });

    const requestId = requestIdFrom(h);
    let data: T;
    try {
      const actor = await getActor();
      if (!actor && !options.anonymous) return fail(new AppError("UNAUTHENTICATED"));
      // NUL and lone surrogates cannot be stored (PostgreSQL refuses them): one check for every form.
      const unstorable = fieldWithUnstorableText(raw);
      if (unstorable !== undefined) {
        const fieldErrors = fieldErrorMessages([{ path: [unstorable], message: "character_not_allowed" }], locale);
        return { ok: false, error: { code: "VALIDATION", message: validationMessage(locale), fieldErrors }, values: keepValues(raw) };
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        if (parsed.error.issues.some((issue) => issue.code === "unrecognized_keys")) return fail(new AppError("VALIDATION", "unknown_field"));
        const fieldErrors = fieldErrorMessages(parsed.error.issues, locale);
        return { ok: false, error: { code: "VALIDATION", message: validationMessage(locale), fieldErrors }, values: keepValues(raw) };
      }
      const address = requestAddress(h);
      data = await withRequest(requestId, () => handler(parsed.data, { actor: actor as Ctx<Anon>["actor"], address, locale }));
    } catch (e) {
      if (isAppError(e)) return fail(e);
      // The caller sees a generic message; the operator finds the error by its request id.
      log.error({ err: e, requestId }, "server action failed");
      return { ok: false, error: internalErrorMessage(locale), values: keepValues(raw) };
    }
    const to = options.redirectTo?.(data, { locale });
    if (to) redirect(to);
    return { ok: true, data };
  };
}
