// Server wrappers of ./forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./forms.client";

export type * from "./forms.client";
export const ConfirmConsentForm = withMessages(C.ConfirmConsentForm, []);
export const ConfirmEmailChangeForm = withMessages(C.ConfirmEmailChangeForm, []);
export const ConsentSwitch = withMessages(C.ConsentSwitch, ["privacy.consents"]);
export const DeleteAccountForm = withMessages(C.DeleteAccountForm, ["privacy.delete"]);
export const EmailChangeForm = withMessages(C.EmailChangeForm, ["privacy.email"]);
export const ProfileForm = withMessages(C.ProfileForm, ["privacy.profile"]);
export const ReportEmailChangeForm = withMessages(C.ReportEmailChangeForm, ["privacy.email"]);
export const UnsubscribeForm = withMessages(C.UnsubscribeForm, []);
