import { z } from "zod";
import { Id } from "../server/fields";

/** How long an owner may let a buyer report link live, in days (docs/decisions/0036). */
export const REPORT_DAYS_MIN = 1;
export const REPORT_DAYS_MAX = 30;

/** Whole days from 1 to 30; anything else (0, 31, 1.5, "abc", empty) is one message. */
export const ReportDays = z.coerce
  .number({ error: "report_days" })
  .int({ error: "report_days" })
  .min(REPORT_DAYS_MIN, { error: "report_days" })
  .max(REPORT_DAYS_MAX, { error: "report_days" });

/** The owner makes a link to the car's buyer report, valid for `days` days. */
export const CreateReportLinkInput = z.object({ vehicleId: Id, days: ReportDays }).strict();

/** The owner revokes one of their links. */
export const RevokeReportLinkInput = z.object({ linkId: Id }).strict();
