// Server wrappers of ./request-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./request-form.client";

export type * from "./request-form.client";
export const VerificationRequestForm = withMessages(C.VerificationRequestForm, ["errors", "places.cities", "verification"]);
