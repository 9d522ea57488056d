// Server wrappers of ./appointment-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./appointment-forms.client";

export type * from "./appointment-forms.client";
export const OwnerAppointmentActions = withMessages(C.OwnerAppointmentActions, ["appointments.section", "common"]);
export const RequestAppointmentForm = withMessages(C.RequestAppointmentForm, ["appointments.form", "appointments.reasons"]);
