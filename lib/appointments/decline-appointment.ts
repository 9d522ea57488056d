import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { workshopAppointment } from "./access";
import { tellOwner } from "./notify";
import { moveAppointment } from "./transitions";

/** Staff of the workshop decline a request (or their own proposal the owner has not answered), with a reason the owner reads. */
export async function declineAppointment(input: { actor: Actor; appointmentId: string; reason: string }): Promise<{ appointmentId: string }> {
  const { actor } = input;
  return transaction(async (tx) => {
    const a = await workshopAppointment(tx, actor, input.appointmentId);
    const now = new Date();
    await moveAppointment(tx, a.id, "decline", { declineReason: input.reason, answeredAt: now, closedAt: now });
    await audit(tx, actor, "appointment.declined", {
      organisationId: a.organisationId,
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: a.vehicleId,
      subjectUserId: a.userId,
    });
    await tellOwner(tx, a, "appointment-declined", { declineReason: input.reason });
    return { appointmentId: a.id };
  });
}
