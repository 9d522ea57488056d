// Server wrappers of ./status-notes-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./status-notes-form.client";

export type * from "./status-notes-form.client";
export const StatusNotesForm = withMessages(C.StatusNotesForm, ["passports"]);
