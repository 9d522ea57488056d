// Server wrappers of ./transfer-link-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./transfer-link-forms.client";

export type * from "./transfer-link-forms.client";
export const AcceptByLinkForm = withMessages(C.AcceptByLinkForm, ["passports.link"]);
export const DeclineByLinkForm = withMessages(C.DeclineByLinkForm, ["passports.link"]);
export const NewAccountTransferForm = withMessages(C.NewAccountTransferForm, ["auth", "passports.link"]);
