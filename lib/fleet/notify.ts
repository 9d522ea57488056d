/**
 * Who hears of an unlink request (decision 0030), through the outbox in the request's transaction:
 * the garage's current staff (its admins, or its members when it has no admin) when a fleet
 * manager asks; the fleet manager who asked (while still an active member of the fleet account),
 * else the fleet account's current members, when the garage answers.
 */
import type { Tx } from "../server/database";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";

const USER = { select: { id: true, email: true, locale: true, firstName: true } } as const;
const MAX_RECIPIENTS = 50;

async function currentStaff(tx: Tx, organisationId: string, preferUserId?: string | null) {
  const current = { organisationId, user: { status: "ACTIVE" as const } };
  if (preferUserId) {
    const m = await tx.membership.findFirst({ where: { ...current, userId: preferUserId }, select: { user: USER } });
    if (m) return [m.user];
  }
  const admins = await tx.membership.findMany({ where: { ...current, role: "ADMIN" }, select: { user: USER }, orderBy: { createdAt: "asc" }, take: MAX_RECIPIENTS });
  if (admins.length) return admins.map((m) => m.user);
  return (await tx.membership.findMany({ where: current, select: { user: USER }, orderBy: { createdAt: "asc" }, take: MAX_RECIPIENTS })).map((m) => m.user);
}

export async function notifyGarage(tx: Tx, r: { garageId: string; fleet: string; car: string; plate: string; reason: string }): Promise<void> {
  for (const to of await currentStaff(tx, r.garageId)) {
    await enqueueEmail(tx, {
      to: to.email,
      locale: to.locale,
      template: "fleet-unlink-requested",
      payload: { name: to.firstName, fleet: r.fleet, car: r.car, plate: r.plate, reason: r.reason, url: appLink(to.locale, "/console/unlink-requests") },
    });
  }
}

export async function notifyFleet(
  tx: Tx,
  r: { fleetAccountId: string; requestedById: string | null; passportId: string; garage: string; car: string; plate: string; approved: boolean; reason: string },
): Promise<void> {
  for (const to of await currentStaff(tx, r.fleetAccountId, r.requestedById)) {
    await enqueueEmail(tx, {
      to: to.email,
      locale: to.locale,
      template: "fleet-unlink-answered",
      payload: { name: to.firstName, garage: r.garage, car: r.car, plate: r.plate, decision: r.approved ? "approved" : "declined", reason: r.reason, url: appLink(to.locale, r.approved ? "/console/fleet" : `/console/fleet/${r.passportId}`) },
    });
  }
}
