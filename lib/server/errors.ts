/**
 * Expected errors of the domain. Use cases throw AppError(code[, messageKey]); the action wrapper
 * and route handlers turn them into values with one status and one translated message per code.
 * Anything else is unexpected: logged on the server, shown as a generic message.
 */
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
  /** A key under `errors.` in the message files; defaults to the code's own message. */
  readonly messageKey: string;
  readonly fieldErrors?: Record<string, string[]>;
  readonly params?: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    messageKey?: string,
    extra?: { fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> },
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
