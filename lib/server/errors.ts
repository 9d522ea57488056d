/**
 * Expected errors of the domain. Use cases throw AppError(code[, messageKey]); the action wrapper
 * and route handlers turn them into values with one status and one translated message per code.
 * Anything else is unexpected: logged on the server, shown as a generic message.
 */
import type { ErrorKey, FieldErrorKey } from "../../i18n/keys";

export type { ErrorKey, FieldErrorKey };

export const ERROR_CODES = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /**
   * A key under `errors.` in the message files, or one under `errors.fields.` (read when `errors.`
   * has no such key); defaults to the code's own message. Checked by the compiler.
   */
  readonly messageKey: ErrorKey | FieldErrorKey;
  /** Per form field, keys under `errors.fields.` (the first is shown). */
  readonly fieldErrors?: Record<string, FieldErrorKey[]>;
  readonly params?: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    messageKey?: ErrorKey | FieldErrorKey,
    extra?: { fieldErrors?: Record<string, FieldErrorKey[]>; params?: Record<string, string | number> },
  ) {
    super(messageKey ?? code);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey ?? `codes.${code}`;
    this.fieldErrors = extra?.fieldErrors;
    this.params = extra?.params;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const notFound = () => new AppError("NOT_FOUND");
