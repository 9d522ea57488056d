// Server wrappers of ./care-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./care-forms.client";

export type * from "./care-forms.client";
export const DueForm = withMessages(C.DueForm, ["dossier.form", "maintenance.form"]);
export const WarrantyForm = withMessages(C.WarrantyForm, ["dossier.form", "recalls.section.kinds", "recalls.warrantyForm"]);
