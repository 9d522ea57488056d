import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { transaction } from "../server/transaction";
import { ownerAppointment } from "./access";
import { tellOwner, tellWorkshop } from "./notify";
import { moveAppointment } from "./transitions";

/**
 * The owner accepts the time the workshop proposed (not one already past): the appointment is
 * confirmed at it. The workshop's staff and the owner each get an e-mail with the calendar file.
 */
export async function acceptProposal(input: { actor: Actor; appointmentId: string }): Promise<{ appointmentId: string; vehicleId: string }> {
  const { actor } = input;
  return transaction(async (tx) => {
    const a = await ownerAppointment(tx, actor, input.appointmentId);
    if (a.status !== "PROPOSED" || !a.proposedAt) throw new AppError("CONFLICT", "appointment_not_open");
    if (a.proposedAt.getTime() <= Date.now()) throw new AppError("CONFLICT", "fields.time_in_past");
    const startsAt = a.proposedAt;
    await moveAppointment(tx, a.id, "accept", { startsAt, confirmedAt: new Date() });
    await audit(tx, actor, "appointment.accepted", {
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: a.vehicleId,
      subjectUserId: a.userId,
      data: { organisationId: a.organisationId, startsAt: startsAt.toISOString() },
    });
    await tellWorkshop(tx, a, "appointment-accepted", { startsAt });
    await tellOwner(tx, a, "appointment-confirmed", { startsAt });
    return { appointmentId: a.id, vehicleId: a.vehicleId };
  });
}
