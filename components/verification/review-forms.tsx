// Server wrappers of ./review-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./review-forms.client";

export type * from "./review-forms.client";
export const ApproveForm = withMessages(C.ApproveForm, ["linking", "lookup", "verification"]);
export const ClaimForm = withMessages(C.ClaimForm, ["verification"]);
export const RejectForm = withMessages(C.RejectForm, ["common", "verification"]);
export const ReleaseForm = withMessages(C.ReleaseForm, ["verification"]);
export const WithdrawForm = withMessages(C.WithdrawForm, ["verification"]);
