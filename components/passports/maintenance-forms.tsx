// Server wrappers of ./maintenance-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./maintenance-forms.client";

export type * from "./maintenance-forms.client";
export const AddMaintenanceForm = withMessages(C.AddMaintenanceForm, ["passports.profile"]);
export const MaintenanceButtons = withMessages(C.MaintenanceButtons, ["passports.profile"]);
