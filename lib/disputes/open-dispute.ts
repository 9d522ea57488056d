/**
 * The reviewer approved a self-registration whose registration certificate is in the requester's
 * name, but the car has an active owner (docs/decisions/0035). Nothing changes hands yet: a
 * dispute opens, the holder is asked (inbox message and e-mail with two buttons, both to a
 * signed-in page; the links carry only the dispute's id) and the claimant learns only that the car
 * is claimed by another owner who was asked. Runs inside the approval's transaction.
 */
import type { Actor } from "../server/authz";
import type { Locale } from "../../generated/prisma/enums";
import type { Tx } from "../server/database";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { appLink } from "../server/urls";
import { leaveMessage } from "../messages/leave";
import { TIME_ZONE } from "../server/dates";
import { messagesFor } from "../../i18n/messages";
import { answerBy } from "./common";

/** The answer date as the recipient reads it in an e-mail (the inbox formats its own). */
function dayIn(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(messagesFor(locale).locale, { dateStyle: "long", timeZone: TIME_ZONE }).format(d);
}

export interface OpenDisputeInput {
  request: { id: string; route: "SUPPORT" | "DEALER"; dealerId: string | null };
  claimant: { id: string; email: string; locale: Locale; firstName: string };
  holder: { holdingId: string; user: { id: string; email: string; locale: Locale; firstName: string } };
  vehicle: { id: string; make: string; model: string };
  vin: string;
  actor: Actor;
  organisationId: string | null;
  now: Date;
}

export async function openDispute(tx: Tx, input: OpenDisputeInput): Promise<{ disputeId: string }> {
  const { request, claimant, holder, vehicle, now } = input;
  const respondBy = answerBy(now);
  const dispute = await tx.dispute.create({
    data: {
      vehicleId: vehicle.id,
      requestId: request.id,
      claimantId: claimant.id,
      holderId: holder.user.id,
      holderHoldingId: holder.holdingId,
      route: request.route,
      dealerId: request.route === "DEALER" ? request.dealerId : null,
      respondBy,
      createdAt: now,
    },
    select: { id: true },
  });
  await audit(tx, input.actor, "dispute.opened", {
    organisationId: input.organisationId,
    entityType: "Dispute",
    entityId: dispute.id,
    vehicleId: vehicle.id,
    subjectUserId: holder.user.id,
    data: { requestId: request.id, respondBy: respondBy.toISOString() },
  });
  const car = `${vehicle.make} ${vehicle.model}`;
  const holderPath = `/garage/disputes/${dispute.id}` as const;
  await enqueueEmail(tx, {
    to: holder.user.email,
    locale: holder.user.locale,
    template: "dispute-opened",
    payload: {
      name: holder.user.firstName,
      car,
      vin: input.vin,
      respondBy: dayIn(holder.user.locale, respondBy),
      releaseUrl: appLink(holder.user.locale, `${holderPath}?answer=release`),
      contestUrl: appLink(holder.user.locale, `${holderPath}?answer=contest`),
    },
  });
  await leaveMessage(tx, { userId: holder.user.id, vehicleId: vehicle.id, kind: "dispute_opened", data: { car, vin: input.vin, respondBy: respondBy.toISOString() }, link: holderPath });
  await enqueueEmail(tx, {
    to: claimant.email,
    locale: claimant.locale,
    template: "dispute-pending",
    payload: { name: claimant.firstName, car, url: appLink(claimant.locale, `/garage/verifications/${request.id}`) },
  });
  await leaveMessage(tx, { userId: claimant.id, kind: "dispute_pending", data: { car }, link: `/garage/verifications/${request.id}` });
  return { disputeId: dispute.id };
}
