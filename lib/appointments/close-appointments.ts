/**
 * Appointments that end without anyone answering them, inside the caller's transaction:
 * - the workshop recorded the work: its confirmed appointments for the car on or before the
 *   entry's day are DONE, and with them the service relationship they gave (lib/dossier/access.ts);
 * - the owner's holding ended (removal, a change of owner): their open appointments for the car
 *   are cancelled, so no workshop keeps a relationship through an owner who has gone.
 * Each is audited.
 */
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { today } from "../server/dates";
import { OPEN, STEPS } from "./transitions";

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

export async function cancelForEndedHolding(tx: Tx, input: { holdingId: string; now: Date }): Promise<number> {
  const h = await tx.holding.findUniqueOrThrow({ where: { id: input.holdingId }, select: { vehicleId: true, userId: true } });
  if (!h.userId) return 0;
  const open = await tx.appointment.findMany({ where: { vehicleId: h.vehicleId, userId: h.userId, status: { in: OPEN } }, select: { id: true, organisationId: true, status: true } });
  for (const a of open) {
    await tx.appointment.updateMany({ where: { id: a.id, status: { in: [...STEPS.ownershipEnded.from] } }, data: { status: STEPS.ownershipEnded.to, closedAt: input.now } });
    await audit(tx, null, "appointment.cancelled", {
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: h.vehicleId,
      subjectUserId: h.userId,
      data: { organisationId: a.organisationId, was: a.status, reason: "OWNERSHIP_ENDED" },
    });
  }
  return open.length;
}
