// Server wrappers of ./report-link-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./report-link-forms.client";

export type * from "./report-link-forms.client";
export const CreateReportLinkForm = withMessages(C.CreateReportLinkForm, ["report.owner"]);
export const RevokeReportLinkForm = withMessages(C.RevokeReportLinkForm, ["common", "report.owner"]);
