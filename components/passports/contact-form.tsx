// Server wrappers of ./contact-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./contact-form.client";

export type * from "./contact-form.client";
export const ContactDetailsForm = withMessages(C.ContactDetailsForm, ["passports.contact"]);
