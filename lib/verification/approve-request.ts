/**
 * The reviewer approves: in one transaction the facts are kept (VerifiedFacts), the car is linked
 * (OWNER or DRIVER holding, origin SELF_REGISTRATION), the status changes, an audit entry and the
 * owner's e-mail are written. A car still on a previous owner's account changes hands only on a
 * registration certificate in the requester's name (the name on the ID document, compared by
 * lib/linking/owner-name.ts), which the reviewer confirms; the previous
 * owner's holding ends "as at removal" and they are told, without naming the new owner.
 * After the commit the document copies are deleted (or left to the purge job if that fails).
 */
import { appLink } from "../server/urls";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { findOrCreateVehicle } from "../holdings/vehicles";
import { assertIdValid, linkVerifiedPerson, recordVerifiedFacts } from "../holdings/link-verified";
import { assertNotInStock, assertOwnershipChangeAllowed } from "../holdings/guards";
import { openDispute } from "../disputes/open-dispute";
import { isUniqueViolation } from "../server/db-errors";
import { reviewableBy, reviewerOrganisation } from "./common";
import { CLAIM_SELECT, liveClaimHolder, sameClaim } from "./claims";
import { deleteCopies } from "./delete-copies";
import type { ApproveInputT } from "./schemas";
import { transaction } from "../server/transaction";

export type ApproveRequestInput = ApproveInputT & { actor: Actor; now?: Date };

export interface ApproveResult {
  requestId: string;
  vehicleId: string;
  holdingId: string | null;
  ownershipChanged: boolean;
  copiesDeleted: boolean;
  /** The car has another active owner: they were asked (docs/decisions/0035); nothing changed hands yet. */
  disputeId: string | null;
}

export async function approveRequest(input: ApproveRequestInput): Promise<ApproveResult> {
  assertCan(input.actor, "verification:review");
  const actor = input.actor;
  const now = input.now ?? new Date();
  assertIdValid(input.documentValidUntil, now);

  let result: Omit<ApproveResult, "copiesDeleted">;
  try {
    result = await transaction(async (tx) => {
      const request = await tx.verificationRequest.findFirst({
        where: { id: input.requestId, ...reviewableBy(actor) },
        select: {
          id: true,
          vin: true,
          relationship: true,
          ...CLAIM_SELECT,
          requester: { select: { id: true, email: true, locale: true, firstName: true, status: true } },
        },
      });
      if (!request) throw new AppError("NOT_FOUND");
      if (liveClaimHolder(request, now) !== actor.userId) throw new AppError("CONFLICT", "not_your_request");
      if (input.vin !== request.vin) throw new AppError("VALIDATION", "vin_mismatch", { fieldErrors: { vin: ["vin_mismatch"] } });
      if (request.requester.status !== "ACTIVE") throw new AppError("CONFLICT", "requester_inactive");

      // The decision itself first: the row is locked from here, so a withdrawal or a second
      // decision at the same moment waits and then finds the request decided.
      const decided = await tx.verificationRequest.updateMany({
        where: sameClaim(request),
        data: { status: "APPROVED", decidedById: actor.userId, decidedAt: now },
      });
      if (decided.count !== 1) throw new AppError("CONFLICT", "not_your_request");

      const organisationId = reviewerOrganisation(request);
      const owner = request.requester;
      // The certificate was reviewed: a Belgian plate on it may move from the car it was on.
      const vehicle = await findOrCreateVehicle(tx, input, { certificateChecked: true, guard: (vehicleId) => assertNotInStock(tx, vehicleId) });
      const car = `${vehicle.make} ${vehicle.model}`;
      // A car another owner holds: their answer (or a reviewer's decision on their contest)
      // decides, not this approval. The copies stay for that reviewer until the dispute ends.
      if (request.relationship === "OWNER") {
        const active = await tx.holding.findFirst({
          where: { vehicleId: vehicle.id, kind: "OWNER", endedAt: null, userId: { not: owner.id } },
          select: { id: true, user: { select: { id: true, email: true, locale: true, firstName: true } } },
        });
        if (active?.user) {
          assertOwnershipChangeAllowed(input);
          // One claim at a time: the holder answers one, and a second would outlive the first's outcome.
          const waiting = await tx.dispute.findFirst({ where: { vehicleId: vehicle.id, status: { in: ["OPEN", "CONTESTED"] } }, select: { id: true } });
          if (waiting) throw new AppError("CONFLICT", "vehicle_disputed");
          const { disputeId } = await openDispute(tx, {
            request: { id: request.id, route: request.route, dealerId: request.dealerId },
            claimant: owner,
            holder: { holdingId: active.id, user: active.user },
            vehicle,
            vin: input.vin,
            actor,
            organisationId,
            now,
          });
          await recordVerifiedFacts(tx, { requestId: request.id, holdingId: null, verifiedById: actor.userId, organisationId, facts: input, now });
          await tx.verificationRequest.update({ where: { id: request.id }, data: { vehicleId: vehicle.id } });
          await audit(tx, actor, "verification.approved", {
            organisationId,
            entityType: "VerificationRequest",
            entityId: request.id,
            vehicleId: vehicle.id,
            subjectUserId: owner.id,
            data: { route: request.route, relationship: request.relationship, ownershipChanged: false, disputeId },
          });
          return { requestId: request.id, vehicleId: vehicle.id, holdingId: null, ownershipChanged: false, disputeId };
        }
      }
      const { holdingId, ownershipChanged, relinked } = await linkVerifiedPerson(tx, {
        vehicleId: vehicle.id,
        person: owner,
        relationship: request.relationship,
        origin: "SELF_REGISTRATION",
        organisationId,
        actor,
        facts: input,
        channelData: { channel: "SELF_UPLOAD" },
        notifyPreviousOwner: async (previous) => {
          if (!previous.user) return;
          await enqueueEmail(tx, {
            to: previous.user.email,
            locale: previous.user.locale,
            template: "verification-ownership-ended",
            payload: { name: previous.user.firstName, car, vin: input.vin },
          });
          if (previous.userId) await leaveMessage(tx, { userId: previous.userId, kind: "ownership_ended", data: { car, vin: input.vin } });
        },
        now,
      });
      await recordVerifiedFacts(tx, { requestId: request.id, holdingId, verifiedById: actor.userId, organisationId, facts: input, now });
      await tx.verificationRequest.update({ where: { id: request.id }, data: { vehicleId: vehicle.id } });
      await audit(tx, actor, "verification.approved", {
        organisationId,
        entityType: "VerificationRequest",
        entityId: request.id,
        vehicleId: vehicle.id,
        subjectUserId: owner.id,
        data: { route: request.route, relationship: request.relationship, ownershipChanged },
      });
      await audit(tx, actor, relinked ? "vehicle.relinked" : request.relationship === "OWNER" ? "vehicle.linked" : "vehicle.driver_linked", {
        organisationId,
        entityType: "Holding",
        entityId: holdingId,
        vehicleId: vehicle.id,
        subjectUserId: owner.id,
        data: { channel: "SELF_UPLOAD", ownershipChanged },
      });
      await enqueueEmail(tx, {
        to: owner.email,
        locale: owner.locale,
        template: "verification-approved",
        payload: { name: owner.firstName, car, url: appLink(owner.locale, `/garage/vehicles/${vehicle.id}`) },
      });
      await leaveMessage(tx, { userId: owner.id, vehicleId: vehicle.id, kind: "verification_approved", data: { car }, link: `/garage/vehicles/${vehicle.id}` });
      return { requestId: request.id, vehicleId: vehicle.id, holdingId, ownershipChanged, disputeId: null };
    });
  } catch (e) {
    if (!(e instanceof AppError) && isUniqueViolation(e)) throw new AppError("CONFLICT", "vehicle_has_owner");
    throw e;
  }
  if (result.disputeId) return { ...result, copiesDeleted: false };
  const deleted = await deleteCopies([result.requestId], now);
  return { ...result, copiesDeleted: deleted.failed === 0 };
}
