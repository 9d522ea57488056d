import { z } from "zod";
import { Checkbox, Id } from "../server/fields";

/** The owner turns automatic renewal of one of their car's active contracts on (ticked) or off. */
export const SetRenewalInput = z.object({ contractId: Id, autoRenew: Checkbox }).strict();
export type SetRenewalInputT = z.output<typeof SetRenewalInput>;

/** How long before a contract ends its owner is told (calendar days in Amsterdam, lib/server/dates.ts). */
export const ENDING_NOTICE_DAYS = 30;
