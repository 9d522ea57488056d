import { z } from "zod";

/** Values are message keys under `errors.fields` in the message files. */
export const Email = z
  .string({ error: "required" })
  // Before trimming: a line break or tab at either end is refused too, not silently cut off.
  .refine((v) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(v), { error: "email_control_chars", abort: true })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "email_invalid" })
  .pipe(z.email({ error: "email_invalid" }))
  .transform((v) => v.toLowerCase());

export const NewPassword = z
  .string({ error: "required" })
  .min(10, { error: "password_too_short" })
  .max(200, { error: "password_too_long" });

export const Password = z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "password_too_long" });

export const LocaleInput = z.enum(["nl", "en", "fr"]).default("nl");

const Name = z.string().trim().min(1, { error: "required" }).max(100, { error: "too_long" });

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

export const TokenInput = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);

export const ResetPasswordInput = z
  .object({ token: TokenInput, password: NewPassword, passwordConfirm: z.string(), locale: LocaleInput })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const ChangePasswordInput = z
  .object({ currentPassword: Password, password: NewPassword, passwordConfirm: z.string() })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

export const EmptyInput = z.object({}).strict();
