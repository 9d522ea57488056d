// Server wrappers of ./fleet-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./fleet-form.client";

export type * from "./fleet-form.client";
export const FleetForm = withMessages(C.FleetForm, ["passports.profile"]);
