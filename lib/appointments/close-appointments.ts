/**
 * Appointments that end without anyone answering them, inside the caller's transaction: the
 * workshop recorded the work, so its confirmed appointments for the car on or before the entry's
 * day are DONE, and with them the service relationship they gave (lib/dossier/access.ts). Each is
 * audited. (An owner's holding that ends cancels their open appointments in the statement that
 * ends it: lib/holdings/holdings.ts endOwnerHolding.)
 */
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { today } from "../server/dates";
import { STEPS } from "./transitions";

export async function completeAppointments(
  tx: Tx,
  input: { actor: Actor; organisationId: string; vehicleId: string; performedOn: Date; serviceRecordId: string },
): Promise<number> {
  const confirmed = await tx.appointment.findMany({
    where: { organisationId: input.organisationId, vehicleId: input.vehicleId, status: { in: [...STEPS.complete.from] } },
    select: { id: true, startsAt: true, userId: true },
  });
  // The entry's day (a calendar date) on or after the appointment's day in Amsterdam.
  const due = confirmed.filter((a) => a.startsAt && today(a.startsAt).getTime() <= input.performedOn.getTime());
  let done = 0;
  for (const a of due) {
    const moved = await tx.appointment.updateMany({ where: { id: a.id, status: { in: [...STEPS.complete.from] } }, data: { status: STEPS.complete.to, closedAt: new Date() } });
    if (!moved.count) continue;
    done++;
    await audit(tx, input.actor, "appointment.done", {
      organisationId: input.organisationId,
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: input.vehicleId,
      subjectUserId: a.userId,
      data: { serviceRecordId: input.serviceRecordId },
    });
  }
  return done;
}
