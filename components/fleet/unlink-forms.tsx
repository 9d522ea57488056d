// Server wrappers of ./unlink-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./unlink-forms.client";

export type * from "./unlink-forms.client";
export const AnswerUnlinkForms = withMessages(C.AnswerUnlinkForms, ["fleet.requests"]);
export const RequestUnlinkForm = withMessages(C.RequestUnlinkForm, ["fleet.unlink"]);
