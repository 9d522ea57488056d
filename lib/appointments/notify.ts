/**
 * The e-mails (and inbox messages) of each appointment step, inside the step's transaction. The
 * owner is written to in their language, with an inbox message for every step the workshop takes;
 * the workshop's staff — its admins, or its members when it has none — each in their own.
 */
import type { Tx } from "../server/database";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import { leaveMessage, type MessageKind } from "../messages/leave";
import type { EmailPayloads } from "../../emails/payloads";
import type { UserLocale } from "../../i18n/routing";
import type { AppointmentRow } from "./access";
import { formatWhen } from "./times";

/** More than any workshop has admins; a workshop without admins tells at most this many members. */
const MAX_RECIPIENTS = 50;
const USER = { select: { email: true, locale: true, firstName: true } } as const;

export async function workshopStaff(tx: Tx, organisationId: string): Promise<{ email: string; locale: UserLocale; firstName: string }[]> {
  const current = { organisationId, user: { status: "ACTIVE" as const } };
  const admins = await tx.membership.findMany({ where: { ...current, role: "ADMIN" }, select: { user: USER }, orderBy: { createdAt: "asc" }, take: MAX_RECIPIENTS });
  if (admins.length) return admins.map((m) => m.user);
  const members = await tx.membership.findMany({ where: current, select: { user: USER }, orderBy: { createdAt: "asc" }, take: MAX_RECIPIENTS });
  return members.map((m) => m.user);
}

export const carName = (a: AppointmentRow) => `${a.vehicle.make} ${a.vehicle.model}`;
const plateOf = (a: AppointmentRow) => a.vehicle.plates[0]?.plate ?? a.vehicle.vin;
const ownerName = (a: AppointmentRow) => `${a.user.firstName} ${a.user.lastName}`.trim() || a.user.email;
const location = (a: AppointmentRow) => [a.organisation.name, a.organisation.city].filter(Boolean).join(", ");
const carLink = (locale: string, a: AppointmentRow) => appLink(locale, `/garage/vehicles/${a.vehicleId}`);
const consoleLink = (locale: string, a: AppointmentRow) => appLink(locale, `/console/appointments/${a.id}`);

type OwnerTemplate = "appointment-confirmed" | "appointment-proposed" | "appointment-declined";
const KIND: Record<OwnerTemplate, MessageKind> = {
  "appointment-confirmed": "appointment_confirmed",
  "appointment-proposed": "appointment_proposed",
  "appointment-declined": "appointment_declined",
};

/** To the owner: the workshop's answer, by e-mail in their language and in their inbox. */
export async function tellOwner(tx: Tx, a: AppointmentRow, template: OwnerTemplate, at: { startsAt?: Date; proposedAt?: Date; declineReason?: string }): Promise<void> {
  const locale = a.user.locale;
  const base = { name: a.user.firstName, url: carLink(locale, a), car: carName(a), workshop: a.organisation.name };
  if (template === "appointment-confirmed") {
    const startsAt = at.startsAt!;
    const payload: EmailPayloads["appointment-confirmed"] = {
      ...base,
      appointmentId: a.id,
      startsAt: startsAt.toISOString(),
      when: formatWhen(startsAt, locale),
      reason: a.reason,
      location: location(a),
    };
    await enqueueEmail(tx, { to: a.user.email, locale, template, payload });
  } else if (template === "appointment-proposed") {
    await enqueueEmail(tx, { to: a.user.email, locale, template, payload: { ...base, when: formatWhen(at.proposedAt!, locale) } });
  } else {
    await enqueueEmail(tx, { to: a.user.email, locale, template, payload: { ...base, declineReason: at.declineReason ?? "" } });
  }
  await leaveMessage(tx, {
    userId: a.userId,
    vehicleId: a.vehicleId,
    kind: KIND[template],
    data: { car: carName(a), workshop: a.organisation.name, ...(template === "appointment-declined" ? { reason: at.declineReason ?? "" } : {}) },
    link: `/garage/vehicles/${a.vehicleId}`,
  });
}

type StaffTemplate = "appointment-requested" | "appointment-accepted" | "appointment-cancelled";

/** To the workshop's staff: the owner's step, each in their own language. */
export async function tellWorkshop(tx: Tx, a: AppointmentRow, template: StaffTemplate, at: { startsAt?: Date } = {}): Promise<void> {
  for (const to of await workshopStaff(tx, a.organisationId)) {
    const base = { name: to.firstName, url: consoleLink(to.locale, a), car: carName(a), plate: plateOf(a), owner: ownerName(a) };
    if (template === "appointment-requested") {
      const payload: EmailPayloads["appointment-requested"] = { ...base, reason: a.reason, times: a.preferredTimes.map((t) => formatWhen(t, to.locale)).join("; ") };
      await enqueueEmail(tx, { to: to.email, locale: to.locale, template, payload });
    } else if (template === "appointment-accepted") {
      const startsAt = at.startsAt!;
      const payload: EmailPayloads["appointment-accepted"] = {
        ...base,
        appointmentId: a.id,
        startsAt: startsAt.toISOString(),
        when: formatWhen(startsAt, to.locale),
        reason: a.reason,
        location: location(a),
      };
      await enqueueEmail(tx, { to: to.email, locale: to.locale, template, payload });
    } else {
      await enqueueEmail(tx, { to: to.email, locale: to.locale, template, payload: base });
    }
  }
}
