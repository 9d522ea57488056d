/**
 * The choices a form offers, without zod: client components import these, so that the browser
 * is not sent the validation library with the schemas (issue 15, goal 5; docs/decisions/0043).
 */
import { AppointmentReason } from "../../generated/prisma/enums";

export const APPOINTMENT_REASONS: readonly AppointmentReason[] = Object.values(AppointmentReason);
export const MIN_TIMES = 2;
export const MAX_TIMES = 3;
