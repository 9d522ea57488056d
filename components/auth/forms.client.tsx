"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { ActionForm, Field, SubmitButton, useFormResult } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import {
  activateAction,
  changePasswordAction,
  forgotPasswordAction,
  requestActivationAction,
  resetPasswordAction,
  signInAction,
  signOutEverywhereAction,
  endSessionAction,
  signUpAction,
} from "@/lib/accounts/actions";

/**
 * The page's query string, read in the browser: the sign-in page is prerendered
 * (docs/decisions/0041), so the server never sees it. Empty while hydrating, then the real one.
 */
function useQuery(): URLSearchParams {
  const search = useSyncExternalStore(
    noSubscription,
    () => window.location.search,
    () => "",
  );
  return new URLSearchParams(search);
}
const noSubscription = () => () => {};

/** What the page was opened for: an activated account, a new password, a sign-out. */
export function SignInNotice() {
  const t = useTranslations("auth.signIn");
  const q = useQuery();
  const signedOut = q.get("signedOut");
  const notice = q.get("activated") ? "activated" : q.get("reset") ? "reset" : signedOut === "everywhere" ? "signedOutEverywhere" : signedOut ? "signedOut" : null;
  if (!notice) return null;
  return (
    <Alert tone="success" className="mb-4" testId="notice">
      {t(`notice.${notice}`)}
    </Alert>
  );
}

export function SignInForm({ locale }: { locale: string }) {
  const t = useTranslations("auth");
  // Where a signed-out visitor was sent from; the server checks it (lib/accounts/actions.ts).
  const next = useQuery().get("next");
  return (
    <ActionForm action={signInAction}>
      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="email" type="email" label={t("email")} autoComplete="username" required />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <div className="flex items-center justify-between gap-4">
        <SubmitButton>{t("signIn.submit")}</SubmitButton>
        <Link href="/forgot-password" className="text-sm text-brand-600 hover:underline">
          {t("signIn.forgot")}
        </Link>
      </div>
    </ActionForm>
  );
}

/** Once the account is made, only what to do next: the emptied form stays no longer on screen. */
function SignUpFields({ locale }: { locale: string }) {
  const result = useFormResult();
  const t = useTranslations("auth");
  if (result?.ok) {
    const email = (result.data as { email: string }).email;
    return (
      <Alert tone="success">
        <span data-testid="signup-done" className="wrap-anywhere">
          {t("signUp.done", { email })}
        </span>
      </Alert>
    );
  }
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="firstName" label={t("firstName")} autoComplete="given-name" required />
        <Field name="lastName" label={t("lastName")} autoComplete="family-name" required />
      </div>
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <Field name="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" required />
      <Field name="passwordConfirm" type="password" label={t("passwordConfirm")} autoComplete="new-password" required />
      <SubmitButton>{t("signUp.submit")}</SubmitButton>
    </>
  );
}

export function SignUpForm({ locale }: { locale: string }) {
  return (
    <ActionForm action={signUpAction}>
      <SignUpFields locale={locale} />
    </ActionForm>
  );
}

/**
 * `choose`: a new password; `confirm`: the password typed at sign-up (the page links to `choose`
 * for a holder who did not sign up or forgot it); `none`: just the button.
 */
export function ActivateForm({ locale, token, mode, chooseInstead }: { locale: string; token: string; mode: "choose" | "confirm" | "none"; chooseInstead: boolean }) {
  const t = useTranslations("auth");
  return (
    <ActionForm action={activateAction}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      {chooseInstead ? <input type="hidden" name="choose" value="true" /> : null}
      {mode === "confirm" && !chooseInstead ? (
        <Field name="password" type="password" label={t("activate.signUpPassword")} autoComplete="current-password" required />
      ) : mode !== "none" ? (
        <Field name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" required />
      ) : null}
      <SubmitButton>{t("activate.submit")}</SubmitButton>
    </ActionForm>
  );
}

function ForgotDone() {
  const result = useFormResult();
  const t = useTranslations("auth.forgot");
  return result?.ok ? <Alert tone="success" testId="forgot-done">{t("done")}</Alert> : null;
}

export function ForgotPasswordForm({ locale }: { locale: string }) {
  const t = useTranslations("auth");
  return (
    <ActionForm action={forgotPasswordAction}>
      <ForgotDone />
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <SubmitButton>{t("forgot.submit")}</SubmitButton>
    </ActionForm>
  );
}

function ResendActivationDone() {
  const result = useFormResult();
  const t = useTranslations("auth.resendActivation");
  return result?.ok ? <Alert tone="success" testId="resend-activation-done">{t("done")}</Alert> : null;
}

export function ResendActivationForm({ locale }: { locale: string }) {
  const t = useTranslations("auth");
  return (
    <ActionForm action={requestActivationAction}>
      <ResendActivationDone />
      <input type="hidden" name="locale" value={locale} />
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <SubmitButton>{t("resendActivation.submit")}</SubmitButton>
    </ActionForm>
  );
}

export function ResetPasswordForm({ locale, token }: { locale: string; token: string }) {
  const t = useTranslations("auth");
  return (
    <ActionForm action={resetPasswordAction}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" required />
      <Field name="passwordConfirm" type="password" label={t("passwordConfirm")} autoComplete="new-password" required />
      <SubmitButton>{t("reset.submit")}</SubmitButton>
    </ActionForm>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("auth");
  return (
    <ActionForm action={changePasswordAction} success={t("change.done")}>
      <Field name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" required />
      <Field name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" required />
      <Field name="passwordConfirm" type="password" label={t("passwordConfirm")} autoComplete="new-password" required />
      <SubmitButton>{t("change.submit")}</SubmitButton>
    </ActionForm>
  );
}

/** Signs one of the user's other devices out (the account page's session list). */
export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  return (
    <ActionForm action={endSessionAction} className="space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary" size="sm">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  const t = useTranslations("account");
  return (
    <ActionForm action={signOutEverywhereAction}>
      <SubmitButton variant="secondary">{t("signOutEverywhere")}</SubmitButton>
    </ActionForm>
  );
}
