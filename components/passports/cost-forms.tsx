// Server wrappers of ./cost-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./cost-forms.client";

export type * from "./cost-forms.client";
export const AddCostForm = withMessages(C.AddCostForm, ["passports.profile"]);
export const RemoveCostButton = withMessages(C.RemoveCostButton, ["passports.profile"]);
