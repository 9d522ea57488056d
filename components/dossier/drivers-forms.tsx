// Server wrappers of ./drivers-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./drivers-forms.client";

export type * from "./drivers-forms.client";
export const AcceptDriverInvitationForm = withMessages(C.AcceptDriverInvitationForm, ["drivers"]);
export const AcceptDriverWithAccountForm = withMessages(C.AcceptDriverWithAccountForm, ["auth", "drivers"]);
export const InviteDriverForm = withMessages(C.InviteDriverForm, ["drivers"]);
export const LeaveCarForm = withMessages(C.LeaveCarForm, ["common", "drivers"]);
export const RevokeDriverForm = withMessages(C.RevokeDriverForm, ["common", "drivers"]);
export const WithdrawDriverInvitationForm = withMessages(C.WithdrawDriverInvitationForm, ["common", "drivers"]);
