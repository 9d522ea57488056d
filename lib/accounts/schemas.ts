import { z } from "zod";
import { Locale } from "../../generated/prisma/enums";
import { appLocaleOf, userLocaleOf } from "../../i18n/routing";
import { Email, Id, Text, Token } from "../server/fields";

/** Values are message keys under `errors.fields` in the message files; shared fields: lib/server/fields.ts. */
export { Email };

export const NewPassword = z
  .string({ error: "required" })
  .min(10, { error: "password_too_short" })
  .max(200, { error: "password_too_long" });

export const Password = z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "password_too_long" });

/**
 * A language to store (an account's, an invitation's): the page's or a choice's spelling (nl-BE)
 * or the database's (nl_BE), stored as the database's.
 */
export const LocaleInput = z
  .preprocess((v) => {
    const app = typeof v === "string" ? appLocaleOf(v) : null;
    return app ? userLocaleOf(app) : v;
  }, z.enum(Locale))
  .default("nl");

const Name = Text(100);

export const SignUpInput = z
  .object({
    email: Email,
    firstName: Name,
    lastName: Name,
    password: NewPassword,
    passwordConfirm: z.string(),
    locale: LocaleInput,
  })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const SignInInput = z.object({ email: Email, password: Password, locale: LocaleInput, next: z.string().max(500).optional() }).strict();

export const ForgotPasswordInput = z.object({ email: Email, locale: LocaleInput }).strict();

export const RequestActivationInput = z.object({ email: Email, locale: LocaleInput }).strict();

export const ResendActivationInput = z.object({ userId: Id }).strict();

export const TokenInput = Token;

export const ResetPasswordInput = z
  .object({ token: TokenInput, password: NewPassword, passwordConfirm: z.string(), locale: LocaleInput })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const ChangePasswordInput = z
  .object({ currentPassword: Password, password: NewPassword, passwordConfirm: z.string() })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const EmptyInput = z.object({}).strict();

/** One of the user's own sessions, to end from the account page. */
export const EndSessionInput = z.object({ sessionId: Id }).strict();
