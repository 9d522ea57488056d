// Server wrappers of ./forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./forms.client";

export type * from "./forms.client";
export const ContestDisputeForm = withMessages(C.ContestDisputeForm, ["dispute", "errors", "verification"]);
export const DecideDisputeForms = withMessages(C.DecideDisputeForms, ["common", "dispute"]);
export const ReleaseDisputeForm = withMessages(C.ReleaseDisputeForm, ["common", "dispute"]);
