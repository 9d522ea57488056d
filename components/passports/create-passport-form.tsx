// Server wrappers of ./create-passport-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./create-passport-form.client";

export type * from "./create-passport-form.client";
export const CreatePassportForm = withMessages(C.CreatePassportForm, ["lookup", "passports.form"]);
