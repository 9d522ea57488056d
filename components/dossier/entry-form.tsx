// Server wrappers of ./entry-form.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./entry-form.client";

export type * from "./entry-form.client";
export const EntryForm = withMessages(C.EntryForm, ["dossier", "recalls.resolve"]);
