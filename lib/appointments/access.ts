/**
 * Who sees and answers an appointment (docs/decisions/0026-appointments.md): staff of the dealer
 * or garage it was asked of; the owner who asked while they still own the car. Everyone else —
 * another workshop, another owner, an authorised driver, a former owner — reads NOT_FOUND.
 */
import type { Tx } from "../server/database";
import { assertCan, organisationsWith, type Actor } from "../server/authz";
import { AppError } from "../server/errors";

/** What the use cases and e-mails need of an appointment. */
export const APPOINTMENT_SELECT = {
  id: true,
  status: true,
  vehicleId: true,
  userId: true,
  organisationId: true,
  reason: true,
  note: true,
  preferredTimes: true,
  proposedAt: true,
  startsAt: true,
  vehicle: { select: { make: true, model: true, vin: true, plates: { where: { validTo: null }, select: { plate: true }, orderBy: { validFrom: "desc" }, take: 1 } } },
  organisation: { select: { name: true, city: true } },
  user: { select: { email: true, locale: true, firstName: true, lastName: true } },
} as const;

/** The actor's organisations that answer appointments (dealers and garages); NOT_FOUND for anyone else. */
export function answeringOrganisations(actor: Actor | null): string[] {
  assertCan(actor, "service:record");
  return organisationsWith(actor, "service:record");
}

/** The `where` of the appointments the actor's organisations were asked for. */
export function askedOf(organisationIds: string[]) {
  return { organisationId: { in: organisationIds } };
}

/** The `where` of the appointments the actor asked for a car they still own. */
export function askedBy(userId: string) {
  return { userId, vehicle: { holdings: { some: { userId, kind: "OWNER" as const, endedAt: null } } } };
}

type Reader = Pick<Tx, "appointment">;

/** An appointment of one of the actor's organisations, or NOT_FOUND. */
export async function workshopAppointment(client: Reader, actor: Actor, appointmentId: string) {
  const orgIds = answeringOrganisations(actor);
  const a = await client.appointment.findFirst({ where: { id: appointmentId, ...askedOf(orgIds) }, select: APPOINTMENT_SELECT });
  if (!a) throw new AppError("NOT_FOUND");
  return a;
}

/** An appointment the actor asked for a car they still own, or NOT_FOUND. */
export async function ownerAppointment(client: Reader, actor: Actor, appointmentId: string) {
  assertCan(actor, "garage:use");
  const a = await client.appointment.findFirst({ where: { id: appointmentId, ...askedBy(actor.userId) }, select: APPOINTMENT_SELECT });
  if (!a) throw new AppError("NOT_FOUND");
  return a;
}

export type AppointmentRow = Awaited<ReturnType<typeof workshopAppointment>>;
