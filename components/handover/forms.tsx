// Server wrappers of ./forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./forms.client";

export type * from "./forms.client";
export const AcceptHandoverForm = withMessages(C.AcceptHandoverForm, ["handover.buyer"]);
export const AcceptHandoverWithAccountForm = withMessages(C.AcceptHandoverWithAccountForm, ["auth", "handover.buyer"]);
export const DeclineHandoverForm = withMessages(C.DeclineHandoverForm, ["common", "handover.buyer"]);
export const StartHandoverForm = withMessages(C.StartHandoverForm, ["handover.start"]);
export const UndoHandoverForm = withMessages(C.UndoHandoverForm, ["common", "handover.status"]);
export const WithdrawHandoverForm = withMessages(C.WithdrawHandoverForm, ["common", "handover.status"]);
export const AcceptOfferedHandoverForm = withMessages(C.AcceptOfferedHandoverForm, ["handover.buyer"]);
export const DeclineOfferedHandoverForm = withMessages(C.DeclineOfferedHandoverForm, ["common", "handover.buyer"]);
export const SupportUndoHandoverForm = withMessages(C.SupportUndoHandoverForm, ["common", "handover.support"]);
