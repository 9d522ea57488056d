/**
 * Who at the garage hears how a transfer ended (accepted or declined): only its current staff.
 * The member who confirmed the transfer while they still are one (an active account with a
 * membership of that garage); otherwise the garage's current admins; a garage without admins,
 * its current members. Nobody, if the garage has no staff left: the buyer's side is unaffected.
 */
import type { Tx } from "../server/database";
import { enqueueEmail } from "../server/mail/outbox";
import type { EmailPayloads } from "../../emails/payloads";
import type { UserLocale } from "../../i18n/routing";
import { profileUrl } from "./recipient-transfer";

export interface StaffRecipient {
  email: string;
  locale: UserLocale;
  firstName: string;
}

/** More than any garage has admins; a garage without admins tells at most this many members. */
const MAX_RECIPIENTS = 50;

const USER = { select: { email: true, locale: true, firstName: true } } as const;

export async function transferStaffRecipients(tx: Tx, transfer: { fromOrganisationId: string; confirmedById: string }): Promise<StaffRecipient[]> {
  const current = { organisationId: transfer.fromOrganisationId, user: { status: "ACTIVE" as const } };
  const confirmer = await tx.membership.findFirst({ where: { ...current, userId: transfer.confirmedById }, select: { user: USER } });
  if (confirmer) return [confirmer.user];
  const admins = await tx.membership.findMany({ where: { ...current, role: "ADMIN" }, select: { user: USER }, orderBy: { createdAt: "asc" }, take: MAX_RECIPIENTS });
  if (admins.length) return admins.map((m) => m.user);
  const members = await tx.membership.findMany({ where: current, select: { user: USER }, orderBy: { createdAt: "asc" }, take: MAX_RECIPIENTS });
  return members.map((m) => m.user);
}

/** The e-mail about the transfer's outcome to each of the garage's current staff it concerns. */
export async function notifyGarageStaff(
  tx: Tx,
  transfer: { fromOrganisationId: string; confirmedById: string; passportId: string; car: string; plate: string },
  template: "passport-transfer-accepted" | "passport-transfer-declined",
): Promise<void> {
  for (const to of await transferStaffRecipients(tx, transfer)) {
    const payload: EmailPayloads[typeof template] = { name: to.firstName, car: transfer.car, plate: transfer.plate, url: profileUrl(to.locale, transfer.passportId) };
    await enqueueEmail(tx, { to: to.email, locale: to.locale, template, payload });
  }
}
