// Server wrappers of ./appointment-answer.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./appointment-answer.client";

export type * from "./appointment-answer.client";
export const AppointmentAnswer = withMessages(C.AppointmentAnswer, ["appointments.console", "common"]);
