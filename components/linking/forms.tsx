// Server wrappers of ./forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./forms.client";

export type * from "./forms.client";
export const AcceptInvitationForm = withMessages(C.AcceptInvitationForm, ["linking"]);
export const AcceptWithAccountForm = withMessages(C.AcceptWithAccountForm, ["auth", "linking"]);
export const DeskVerification = withMessages(C.DeskVerification, ["linking", "lookup"]);
export const DisconnectButton = withMessages(C.DisconnectButton, ["common", "linking"]);
export const InvitationRowActions = withMessages(C.InvitationRowActions, ["common", "linking"]);
export const InviteBuyerForm = withMessages(C.InviteBuyerForm, ["linking", "lookup", "products"]);
export const RelinkForm = withMessages(C.RelinkForm, ["linking"]);
export const RemoveVehicleForm = withMessages(C.RemoveVehicleForm, ["garage"]);
