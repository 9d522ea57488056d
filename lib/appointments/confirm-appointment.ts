import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { transaction } from "../server/transaction";
import { workshopAppointment } from "./access";
import { tellOwner } from "./notify";
import { moveAppointment } from "./transitions";

/**
 * Staff of the workshop confirm one of the owner's preferred times (a time already past cannot
 * be confirmed). The owner gets an e-mail with a calendar file and an inbox message; from now on
 * the workshop has a service relationship with the car until it records the work.
 */
export async function confirmAppointment(input: { actor: Actor; appointmentId: string; choice: number }): Promise<{ appointmentId: string; startsAt: Date }> {
  const { actor } = input;
  return transaction(async (tx) => {
    const a = await workshopAppointment(tx, actor, input.appointmentId);
    const startsAt = a.preferredTimes[input.choice];
    if (!startsAt) throw new AppError("VALIDATION", "fields.time_not_offered", { fieldErrors: { choice: ["time_not_offered"] } });
    if (startsAt.getTime() <= Date.now()) throw new AppError("VALIDATION", "fields.time_in_past", { fieldErrors: { choice: ["time_in_past"] } });
    const now = new Date();
    await moveAppointment(tx, a.id, "confirm", { startsAt, confirmedAt: now, answeredAt: now });
    await audit(tx, actor, "appointment.confirmed", {
      organisationId: a.organisationId,
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: a.vehicleId,
      subjectUserId: a.userId,
      data: { startsAt: startsAt.toISOString() },
    });
    await tellOwner(tx, a, "appointment-confirmed", { startsAt });
    return { appointmentId: a.id, startsAt };
  });
}
