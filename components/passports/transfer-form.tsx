// Server wrappers of ./transfer-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./transfer-form.client";

export type * from "./transfer-form.client";
export const CancelTransferButton = withMessages(C.CancelTransferButton, ["passports.contact"]);
export const StockTransferPanel = withMessages(C.StockTransferPanel, ["passports.contact", "passports.leave"]);
