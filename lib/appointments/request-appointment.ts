import type { Actor } from "../server/authz";
import { assertCan } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { transaction } from "../server/transaction";
import type { AppointmentReason } from "../../generated/prisma/enums";
import { APPOINTMENT_SELECT } from "./access";
import { tellWorkshop } from "./notify";
import { OPEN } from "./transitions";

/** Open requests one car may have at once: enough for a service and a repair elsewhere, not a flood of e-mails to workshops. */
export const MAX_OPEN_PER_CAR = 5;

/** The dealers and garages an owner may ask: those with at least one active member to answer. */
export const ANSWERING_WORKSHOP = { kind: { in: ["DEALER" as const, "GARAGE" as const] }, memberships: { some: { user: { status: "ACTIVE" as const } } } };

/**
 * The owner (not an authorised driver) asks a dealer or garage for an appointment for their car
 * at one of two or three preferred times. The workshop's staff get an e-mail.
 */
export async function requestAppointment(input: {
  actor: Actor;
  vehicleId: string;
  organisationId: string;
  reason: AppointmentReason;
  note?: string;
  times: Date[];
}): Promise<{ appointmentId: string; vehicleId: string; workshop: string }> {
  const { actor } = input;
  assertCan(actor, "garage:use");
  return transaction(async (tx) => {
    const holding = await tx.holding.findFirst({ where: { vehicleId: input.vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null }, select: { id: true } });
    if (!holding) throw new AppError("NOT_FOUND");
    const org = await tx.organisation.findFirst({ where: { id: input.organisationId, ...ANSWERING_WORKSHOP }, select: { id: true, name: true } });
    if (!org) throw new AppError("VALIDATION", "fields.required", { fieldErrors: { organisationId: ["required"] } });
    const open = await tx.appointment.count({ where: { vehicleId: input.vehicleId, status: { in: OPEN } } });
    if (open >= MAX_OPEN_PER_CAR) throw new AppError("CONFLICT", "appointments_too_many");
    const created = await tx.appointment.create({
      data: {
        vehicleId: input.vehicleId,
        userId: actor.userId,
        organisationId: org.id,
        reason: input.reason,
        note: input.note ?? null,
        preferredTimes: input.times,
      },
      select: APPOINTMENT_SELECT,
    });
    await audit(tx, actor, "appointment.requested", {
      entityType: "Appointment",
      entityId: created.id,
      vehicleId: input.vehicleId,
      subjectUserId: actor.userId,
      data: { organisationId: org.id, reason: input.reason, times: input.times.map((t) => t.toISOString()).join(",") },
    });
    await tellWorkshop(tx, created, "appointment-requested");
    return { appointmentId: created.id, vehicleId: input.vehicleId, workshop: org.name };
  });
}
