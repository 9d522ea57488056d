// Server wrappers of ./transfer-offer-actions.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./transfer-offer-actions.client";

export type * from "./transfer-offer-actions.client";
export const TransferOfferActions = withMessages(C.TransferOfferActions, ["passports.offers"]);
