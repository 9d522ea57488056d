/**
 * The appointment's state machine (docs/decisions/0026-appointments.md), one table: each step,
 * who takes it, and the states it leaves from. Use cases apply a step with `moveAppointment`, a
 * conditional update on the state read, so two answers at once cannot both succeed.
 */
import type { AppointmentStatus } from "../../generated/prisma/enums";
import type { Tx } from "../server/database";
import { AppError } from "../server/errors";

export const STEPS = {
  confirm: { by: "workshop", from: ["REQUESTED"], to: "CONFIRMED" },
  propose: { by: "workshop", from: ["REQUESTED"], to: "PROPOSED" },
  decline: { by: "workshop", from: ["REQUESTED", "PROPOSED"], to: "DECLINED" },
  accept: { by: "owner", from: ["PROPOSED"], to: "CONFIRMED" },
  cancel: { by: "owner", from: ["REQUESTED", "PROPOSED", "CONFIRMED"], to: "CANCELLED" },
  /** The workshop recorded the work (a service entry at or after the time). */
  complete: { by: "system", from: ["CONFIRMED"], to: "DONE" },
  /** The owner's holding of the car ended (removal, a change of owner). */
  ownershipEnded: { by: "system", from: ["REQUESTED", "PROPOSED", "CONFIRMED"], to: "CANCELLED" },
} as const satisfies Record<string, { by: "workshop" | "owner" | "system"; from: readonly AppointmentStatus[]; to: AppointmentStatus }>;

export type Step = keyof typeof STEPS;

/** States in which the workshop has to answer. */
export const AWAITING_WORKSHOP: AppointmentStatus[] = ["REQUESTED"];
/** States still open (not declined, cancelled or done). */
export const OPEN: AppointmentStatus[] = ["REQUESTED", "PROPOSED", "CONFIRMED"];

export function canTake(step: Step, status: AppointmentStatus): boolean {
  return (STEPS[step].from as readonly AppointmentStatus[]).includes(status);
}

/**
 * Moves one appointment by `step` if it is still in a state the step leaves from, setting `data`
 * too; CONFLICT `appointment_not_open` otherwise (answered or closed in the meantime).
 */
export async function moveAppointment(tx: Tx, appointmentId: string, step: Step, data: Record<string, unknown> = {}): Promise<void> {
  const s = STEPS[step];
  const moved = await tx.appointment.updateMany({
    where: { id: appointmentId, status: { in: [...s.from] } },
    data: { ...data, status: s.to },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT", "appointment_not_open");
}
