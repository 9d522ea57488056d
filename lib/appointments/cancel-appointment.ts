import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { ownerAppointment } from "./access";
import { tellWorkshop } from "./notify";
import { moveAppointment } from "./transitions";

/** The owner cancels an open appointment (requested, proposed or confirmed); the workshop's staff get an e-mail. */
export async function cancelAppointment(input: { actor: Actor; appointmentId: string }): Promise<{ appointmentId: string; vehicleId: string }> {
  const { actor } = input;
  return transaction(async (tx) => {
    const a = await ownerAppointment(tx, actor, input.appointmentId);
    await moveAppointment(tx, a.id, "cancel", { closedAt: new Date() });
    await audit(tx, actor, "appointment.cancelled", {
      entityType: "Appointment",
      entityId: a.id,
      vehicleId: a.vehicleId,
      subjectUserId: a.userId,
      data: { organisationId: a.organisationId, was: a.status },
    });
    await tellWorkshop(tx, a, "appointment-cancelled");
    return { appointmentId: a.id, vehicleId: a.vehicleId };
  });
}
