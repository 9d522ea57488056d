/**
 * The one translation of an expected error into the user's language, used by the action wrapper
 * (lib/server/action.ts) and the route-handler wrapper (lib/server/route.ts). The message is the
 * error's own key under `errors.`, else the same key under `errors.fields.`, else the code's
 * generic message (`errors.codes.<CODE>`): a NOT_FOUND never reads as a validation error.
 */
import { createTranslator } from "use-intl/core";
import { messagesFor } from "../../i18n/messages";
import type { AppError, ErrorCode } from "./errors";
import type { ActionError } from "./action-types";

type Params = Record<string, string | number>;
type Translate = { (key: string, params?: Params): string; has(key: string): boolean };

function errorsTranslator(locale: string | null | undefined): Translate {
  const { locale: lang, messages } = messagesFor(locale ?? "nl");
  // Keys come from AppError at run time (checked by the messages tests), hence the loose signature.
  return createTranslator({ locale: lang, messages, namespace: "errors" }) as unknown as Translate;
}

function translate(t: Translate, key: string, code: ErrorCode | "INTERNAL", params?: Params): string {
  if (t.has(key)) return t(key, params);
  if (t.has(`fields.${key}`)) return t(`fields.${key}`, params);
  return t(`codes.${code}`);
}

/** `{ code, message, fieldErrors? }` for an expected error, in the user's language. */
export function errorMessage(error: AppError, locale: string | null | undefined): ActionError {
  const t = errorsTranslator(locale);
  return {
    code: error.code,
    message: translate(t, error.messageKey, error.code, error.params),
    fieldErrors: error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, translate(t, `fields.${keys[0]}`, "VALIDATION")]))
      : undefined,
  };
}

/** The generic message for an unexpected error: nothing of the error itself reaches the user. */
export function internalErrorMessage(locale: string | null | undefined): ActionError {
  return { code: "INTERNAL", message: errorsTranslator(locale)("codes.INTERNAL") };
}

/** Field errors from a zod parse: each message is a key under `errors.fields.`. */
export function fieldErrorMessages(issues: { path: PropertyKey[]; message: string }[], locale: string | null | undefined): Record<string, string> {
  const t = errorsTranslator(locale);
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_");
    out[field] ??= translate(t, `fields.${issue.message}`, "VALIDATION");
  }
  return out;
}

export function validationMessage(locale: string | null | undefined): string {
  return errorsTranslator(locale)("codes.VALIDATION");
}
