// Server wrappers of ./campaign-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./campaign-form.client";

export type * from "./campaign-form.client";
export const CampaignForm = withMessages(C.CampaignForm, ["recalls.form"]);
