import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { workshopAppointment } from "./access";
import { tellOwner } from "./notify";
import { moveAppointment } from "./transitions";

/** Staff of the workshop propose another time; the owner accepts it or cancels (e-mail and inbox message). */
export async function proposeTime(input: { actor: Actor; appointmentId: string; time: Date }): Promise<{ appointmentId: string }> {
  const { actor } = input;
  return transaction(async (tx) => {
    const a = await workshopAppointment(tx, actor, input.appointmentId);
    await moveAppointment(tx, a.id, "propose", { proposedAt: input.time, answeredAt: new Date() });
    await audit(tx, actor, "appointment.proposed", {
      organisationId: a.organisationId,
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: a.vehicleId,
      subjectUserId: a.userId,
      data: { proposedAt: input.time.toISOString() },
    });
    await tellOwner(tx, a, "appointment-proposed", { proposedAt: input.time });
    return { appointmentId: a.id };
  });
}
