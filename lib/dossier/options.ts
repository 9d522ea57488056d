/**
 * The choices a form offers, without zod: client components import these, so that the browser
 * is not sent the validation library with the schemas (issue 15, goal 5; docs/decisions/0043).
 */
import { ServiceKind } from "../../generated/prisma/enums";

/** The kinds a form offers: a handover's odometer reading is written by the handover only (docs/decisions/0034). */
export const SERVICE_KINDS: readonly ServiceKind[] = Object.values(ServiceKind).filter((k) => k !== "HANDOVER");
