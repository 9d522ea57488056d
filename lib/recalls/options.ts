/**
 * The choices a form offers, without zod: client components import these, so that the browser
 * is not sent the validation library with the schemas (issue 15, goal 5; docs/decisions/0043).
 */
import { WarrantyKind } from "../../generated/prisma/enums";

export const WARRANTY_KINDS: readonly WarrantyKind[] = Object.values(WarrantyKind);
