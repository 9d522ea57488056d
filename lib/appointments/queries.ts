/**
 * Server-only reads of appointments for pages, scoped to the actor (lib/appointments/access.ts):
 * what the actor may not see reads as not found (null) or is simply not listed.
 */
import { db } from "../server/db";
import { can, organisationsWith, type Actor } from "../server/authz";
import { askedBy, askedOf } from "./access";
import { ANSWERING_WORKSHOP } from "./request-appointment";

const LIST_SELECT = {
  id: true,
  status: true,
  reason: true,
  note: true,
  preferredTimes: true,
  proposedAt: true,
  startsAt: true,
  declineReason: true,
  createdAt: true,
  organisation: { select: { id: true, name: true, city: true } },
} as const;

/** The owner's appointments for their car, newest first; [] for anyone who does not own it now (a driver too). */
export async function listOwnerAppointments(actor: Actor, vehicleId: string) {
  if (!can(actor, "garage:use")) return [];
  return db.appointment.findMany({ where: { vehicleId, ...askedBy(actor.userId) }, select: LIST_SELECT, orderBy: { createdAt: "desc" }, take: 20 });
}

export type OwnerAppointment = Awaited<ReturnType<typeof listOwnerAppointments>>[number];

/** Dealers and garages an owner may ask, by a part of their name or town; at most 50, by name. */
export async function workshopChoices(q = "") {
  const term = q.trim().slice(0, 60);
  return db.organisation.findMany({
    where: { ...ANSWERING_WORKSHOP, ...(term ? { OR: [{ name: { contains: term, mode: "insensitive" as const } }, { city: { contains: term, mode: "insensitive" as const } }] } : {}) },
    select: { id: true, name: true, city: true, kind: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 50,
  });
}

const STAFF_SELECT = {
  ...LIST_SELECT,
  vehicleId: true,
  vehicle: { select: { make: true, model: true, modelYear: true, vin: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, orderBy: { validFrom: "desc" as const }, take: 1 } } },
  user: { select: { firstName: true, lastName: true, email: true } },
} as const;

/** The actor's organisations' appointments: to answer (oldest first), confirmed (soonest first), earlier (latest first). */
export async function listWorkshopAppointments(actor: Actor) {
  const orgIds = organisationsWith(actor, "service:record");
  if (!orgIds.length) return null;
  const where = askedOf(orgIds);
  const [open, upcoming, closed] = await Promise.all([
    db.appointment.findMany({ where: { ...where, status: { in: ["REQUESTED", "PROPOSED"] } }, select: STAFF_SELECT, orderBy: { createdAt: "asc" }, take: 100 }),
    db.appointment.findMany({ where: { ...where, status: "CONFIRMED" }, select: STAFF_SELECT, orderBy: { startsAt: "asc" }, take: 100 }),
    db.appointment.findMany({ where: { ...where, status: { in: ["DECLINED", "CANCELLED", "DONE"] } }, select: STAFF_SELECT, orderBy: { updatedAt: "desc" }, take: 30 }),
  ]);
  return { open, upcoming, closed };
}

export type StaffAppointment = NonNullable<Awaited<ReturnType<typeof listWorkshopAppointments>>>["open"][number];

/** One appointment of the actor's organisations, with which preferred times have passed; null otherwise. */
export async function getWorkshopAppointment(actor: Actor, appointmentId: string, now = new Date()) {
  const orgIds = organisationsWith(actor, "service:record");
  if (!orgIds.length) return null;
  const a = await db.appointment.findFirst({ where: { id: appointmentId, ...askedOf(orgIds) }, select: STAFF_SELECT });
  return a ? { ...a, passed: a.preferredTimes.map((t) => t.getTime() <= now.getTime()) } : null;
}
