/**
 * The choices a form offers, without zod: client components import these, so that the browser
 * is not sent the validation library with the schemas (issue 15, goal 5; docs/decisions/0043).
 */
import { Fuel, PassportStatus } from "../../generated/prisma/enums";

export const PASSPORT_STATUSES: readonly PassportStatus[] = Object.values(PassportStatus);
export type PassportStatusT = PassportStatus;
export const FUELS: readonly Fuel[] = Object.values(Fuel);
