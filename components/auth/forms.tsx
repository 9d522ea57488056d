// Server wrappers of ./forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./forms.client";

export type * from "./forms.client";
export const ActivateForm = withMessages(C.ActivateForm, ["auth"]);
export const ChangePasswordForm = withMessages(C.ChangePasswordForm, ["auth"]);
export const EndSessionButton = withMessages(C.EndSessionButton, []);
export const ForgotPasswordForm = withMessages(C.ForgotPasswordForm, ["auth"]);
export const ResendActivationForm = withMessages(C.ResendActivationForm, ["auth"]);
export const ResetPasswordForm = withMessages(C.ResetPasswordForm, ["auth"]);
export const SignInForm = withMessages(C.SignInForm, ["auth"]);
export const SignInNotice = withMessages(C.SignInNotice, ["auth.signIn"]);
export const SignOutEverywhereForm = withMessages(C.SignOutEverywhereForm, ["account"]);
export const SignUpForm = withMessages(C.SignUpForm, ["auth"]);
