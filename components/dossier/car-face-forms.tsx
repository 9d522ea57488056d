// Server wrappers of ./car-face-forms.client: each form gets only the message namespaces it uses
// (components/i18n/with-messages.tsx, docs/decisions/0039-page-speed.md).
import { withMessages } from "@/components/i18n/with-messages";
import * as C from "./car-face-forms.client";

export type * from "./car-face-forms.client";
export const CarFaceForms = withMessages(C.CarFaceForms, ["carFace"]);
