// Server wrappers of ./correct-email-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./correct-email-form.client";

export type * from "./correct-email-form.client";
export const CorrectEmailForm = withMessages(C.CorrectEmailForm, ["passports.support"]);
