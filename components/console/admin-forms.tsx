// Server wrappers of ./admin-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./admin-forms.client";

export type * from "./admin-forms.client";
export const AddMemberForm = withMessages(C.AddMemberForm, ["admin"]);
export const CreateOrganisationForm = withMessages(C.CreateOrganisationForm, ["admin"]);
export const MemberActions = withMessages(C.MemberActions, ["admin", "common"]);
export const ResendActivationButton = withMessages(C.ResendActivationButton, ["admin"]);
export const UserStatusButton = withMessages(C.UserStatusButton, ["admin", "common"]);
