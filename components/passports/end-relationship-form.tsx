// Server wrappers of ./end-relationship-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./end-relationship-form.client";

export type * from "./end-relationship-form.client";
export const EndRelationshipForm = withMessages(C.EndRelationshipForm, ["passports.ownerView"]);
