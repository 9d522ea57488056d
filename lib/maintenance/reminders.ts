/**
 * The daily maintenance reminder (issue 13, point 3; docs/decisions/0027-recalls-warranties-maintenance.md).
 *
 * An open due item is reminded once, to the car's current owner, by e-mail (through the outbox)
 * and an inbox message, when
 * - its date is at most 30 days away (or passed): on day 30 before it, not on day 31; or
 * - its mileage is at most 1,000 km above the car's latest reading (or passed). The latest reading
 *   is the car's mileage (Vehicle.mileageKm, kept at the latest reading by lib/dossier/write-entry.ts);
 *   no projection from past readings, which are too few and irregular to extrapolate.
 * Each item is claimed with a conditional update in the same transaction as its e-mail and
 * message, so running the job twice, or twice at once, sends once. A car without an owner (in
 * stock) is skipped, unmarked: its next owner is reminded.
 * The e-mail carries a single-purpose "I sold this car" link: a random token whose SHA-256 is kept
 * on the item, for the owner it went to (lib/maintenance/sold-link.ts).
 */
import { db } from "../server/db";
import { today } from "../server/dates";
import { audit } from "../server/audit";
import { newToken } from "../server/tokens";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink, uiLocale } from "../server/urls";
import { transaction } from "../server/transaction";
import { leaveMessage } from "../messages/leave";
import { formats } from "../../i18n/formats";

export const REMIND_DAYS_BEFORE = 30;
export const REMIND_KM_BEFORE = 1_000;
/** The most items one run reminds; the rest wait for the next (hourly) run. */
const BATCH = 500;
const DAY = 86_400_000;

/** Whether an open item is due for its reminder today, given the car's latest reading. */
export function reminderDue(item: { dueOn: Date | null; dueKm: number | null }, todayDate: Date, latestKm: number | null): boolean {
  if (item.dueOn && item.dueOn.getTime() - todayDate.getTime() <= REMIND_DAYS_BEFORE * DAY) return true;
  return item.dueKm !== null && latestKm !== null && latestKm >= item.dueKm - REMIND_KM_BEFORE;
}

export async function sendMaintenanceReminders(now: Date = new Date()): Promise<{ reminded: number; noOwner: number }> {
  const t = today(now);
  const horizon = new Date(t.getTime() + REMIND_DAYS_BEFORE * DAY);
  const candidates = await db.maintenanceDue.findMany({
    where: { status: "OPEN", reminderSentAt: null, OR: [{ dueOn: { lte: horizon } }, { dueKm: { not: null } }] },
    select: { id: true, dueOn: true, dueKm: true, vehicle: { select: { mileageKm: true } } },
    orderBy: { createdAt: "asc" },
    take: BATCH * 4,
  });
  const due = candidates.filter((c) => reminderDue(c, t, c.vehicle.mileageKm)).slice(0, BATCH);
  let reminded = 0;
  let noOwner = 0;
  for (const c of due) {
    const r = await remindOne(c.id, now);
    if (r === "sent") reminded++;
    else if (r === "no-owner") noOwner++;
  }
  return { reminded, noOwner };
}

async function remindOne(dueId: string, now: Date): Promise<"sent" | "no-owner" | "taken"> {
  return transaction(async (tx) => {
    const item = await tx.maintenanceDue.findUniqueOrThrow({
      where: { id: dueId },
      select: { id: true, vehicleId: true, description: true, dueOn: true, dueKm: true, vehicle: { select: { make: true, model: true } } },
    });
    const holding = await tx.holding.findFirst({
      where: { vehicleId: item.vehicleId, kind: "OWNER", endedAt: null },
      select: { user: { select: { id: true, email: true, firstName: true, locale: true } } },
    });
    const owner = holding?.user;
    if (!owner) return "no-owner";
    const { token, hash } = newToken();
    const claimed = await tx.maintenanceDue.updateMany({
      where: { id: item.id, status: "OPEN", reminderSentAt: null },
      data: { reminderSentAt: now, reminderUserId: owner.id, soldTokenHash: hash },
    });
    if (claimed.count === 0) return "taken";
    const car = `${item.vehicle.make} ${item.vehicle.model}`;
    const link = `/garage/vehicles/${item.vehicleId}` as const;
    await leaveMessage(tx, { userId: owner.id, vehicleId: item.vehicleId, kind: "maintenance_due", data: { car, description: item.description, dueId: item.id }, link });
    const lang = uiLocale(owner.locale);
    await enqueueEmail(tx, {
      to: owner.email,
      locale: owner.locale,
      template: "maintenance-due",
      payload: {
        name: owner.firstName,
        car,
        description: item.description,
        when: item.dueOn && item.dueKm !== null ? "both" : item.dueOn ? "date" : "km",
        dueOn: item.dueOn ? new Intl.DateTimeFormat(lang, formats.dateTime.calendarDate).format(item.dueOn) : "",
        dueKm: item.dueKm !== null ? new Intl.NumberFormat(lang, formats.number.km).format(item.dueKm) : "",
        url: appLink(owner.locale, link),
        soldUrl: appLink(owner.locale, `/garage/sold/${token}`),
      },
    });
    await audit(tx, null, "maintenance.reminder_sent", { entityType: "MaintenanceDue", entityId: item.id, vehicleId: item.vehicleId, subjectUserId: owner.id });
    return "sent";
  });
}
