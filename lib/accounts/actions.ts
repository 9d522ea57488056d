"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { action } from "../server/action";
import { signIn, signOut } from "./next-auth";
import { AppError } from "../server/errors";
import { getActor } from "../server/session";
import { activateAccount } from "./activate-account";
import { changePassword } from "./change-password";
import { landingPathFor } from "./landing";
import { requestPasswordReset } from "./request-password-reset";
import { requestActivation } from "./request-activation";
import { resendActivation } from "./resend-activation";
import { resetPassword } from "./reset-password";
import {
  ChangePasswordInput,
  EmptyInput,
  EndSessionInput,
  ForgotPasswordInput,
  LocaleInput,
  NewPassword,
  RequestActivationInput,
  ResendActivationInput,
  ResetPasswordInput,
  SignInInput,
  SignUpInput,
  TokenInput,
} from "./schemas";
import { endSession, signOutEverywhere } from "./sign-out";
import { endOwnSession } from "./end-own-session";
import { revalidatePath } from "next/cache";
import { signUp } from "./sign-up";
import { z } from "zod";
import { Checkbox } from "../server/fields";
import { isLocale, routing } from "../../i18n/routing";

/** A same-site path only: never an open redirect. */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) && !next.includes("\\") ? next : undefined;
}

export const signUpAction = action(SignUpInput, async (input, { address }) => signUp({ ...input, address }), { anonymous: true });

export const signInAction = action(
  SignInInput,
  async (input) => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    } catch (e) {
      if (e instanceof CredentialsSignin && e.code === "rate_limited") throw new AppError("RATE_LIMITED", "too_many_attempts");
      if (e instanceof AuthError) throw new AppError("UNAUTHENTICATED", "invalid_credentials");
      throw e;
    }
    return { home: await landingPathFor(input.email), next: safeNext(input.next) };
  },
  { anonymous: true, redirectTo: (d, { locale }) => d.next ?? `/${locale}${d.home}` },
);

export const activateAction = action(
  z.object({ token: TokenInput, password: NewPassword.optional().or(z.literal("").transform(() => undefined)), choose: Checkbox, locale: LocaleInput }).strict(),
  async (input, { address }) => activateAccount({ token: input.token, password: input.password, choose: input.choose, address }),
  { anonymous: true, redirectTo: (_d, { locale }) => `/${locale}/sign-in?activated=1` },
);

export const forgotPasswordAction = action(
  ForgotPasswordInput,
  async (input, { address }) => {
    await requestPasswordReset({ email: input.email, address });
    return { sent: true };
  },
  { anonymous: true },
);

/** "Did not get the activation e-mail?": the same answer whether or not a link was sent. */
export const requestActivationAction = action(
  RequestActivationInput,
  async (input, { address }) => {
    await requestActivation({ email: input.email, address });
    return { sent: true };
  },
  { anonymous: true },
);

/** The user list (support, admins): a new activation link for an account that was never activated. */
export const resendActivationAction = action(ResendActivationInput, async (input, { actor }) => resendActivation({ actor, userId: input.userId }));

export const resetPasswordAction = action(ResetPasswordInput, async (input, { address }) => resetPassword({ ...input, address }), {
  anonymous: true,
  redirectTo: (_d, { locale }) => `/${locale}/sign-in?reset=1`,
});

export const changePasswordAction = action(ChangePasswordInput, async (input, { actor }) =>
  changePassword({ actor, currentPassword: input.currentPassword, password: input.password }),
);

export const signOutEverywhereAction = action(
  EmptyInput,
  async (_input, { actor }) => {
    await signOutEverywhere({ actor });
    await signOut({ redirect: false });
    return { done: true };
  },
  { redirectTo: (_d, { locale }) => `/${locale}/sign-in?signedOut=everywhere` },
);

/** The account page: ends one of the user's other sessions (that device is signed out). */
export const endSessionAction = action(
  EndSessionInput,
  async (input, { actor }) => {
    const r = await endOwnSession({ actor, sessionId: input.sessionId });
    revalidatePath("/[locale]/account", "page");
    return r;
  },
  { redirectTo: (_d, { locale }) => `/${locale}/account?sessionEnded=1` },
);

/** The header's sign-out button: ends the server session, clears the cookie. */
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await endSession({ actor });
  await signOut({ redirect: false });
  const locale = (await headers()).get("x-locale") ?? "nl";
  redirect(`/${isLocale(locale) ? locale : routing.defaultLocale}/sign-in?signedOut=1`);
}
