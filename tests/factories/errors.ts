/** Assertions on refusals, shared by the integration tests. */
import { expect } from "vitest";
import { AppError } from "@/lib/server/errors";

/** Awaits a promise that must fail with an AppError of `code` (and `messageKey`), and returns it. */
export async function expectAppError(p: Promise<unknown>, code: AppError["code"], messageKey?: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected AppError ${code}${messageKey ? ` ${messageKey}` : ""}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (messageKey) expect((e as AppError).messageKey).toBe(messageKey);
  return e as AppError;
}

/** Awaits a promise that must fail with an AppError (of any code), and returns it. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
