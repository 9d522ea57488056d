// Server wrappers of ./locale-switcher.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./locale-switcher.client";

export type * from "./locale-switcher.client";
export const LocaleSwitcher = withMessages(C.LocaleSwitcher, ["common"]);
