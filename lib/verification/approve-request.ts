/**
 * The reviewer approves: in one transaction the facts are kept (VerifiedFacts), the car is linked
 * (OWNER or DRIVER holding, origin SELF_REGISTRATION), the status changes, an audit entry and the
 * owner's e-mail are written. A car still on a previous owner's account changes hands only on a
 * registration certificate in the requester's name (the name on the ID document, compared by
 * lib/linking/owner-name.ts), which the reviewer confirms; the previous
 * owner's holding ends "as at removal" and they are told, without naming the new owner.
 * After the commit the document copies are deleted (or left to the purge job if that fails).
 */
import { today } from "../server/dates";
import { appLink } from "../server/urls";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { findOrCreateVehicle } from "../holdings/vehicles";
import { assertNotInStock, assertOwnershipChangeAllowed } from "../holdings/guards";
import { endOwnerHolding, startOwnerHolding } from "../holdings/holdings";
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
  holdingId: string;
  ownershipChanged: boolean;
  copiesDeleted: boolean;
}

export async function approveRequest(input: ApproveRequestInput): Promise<ApproveResult> {
  assertCan(input.actor, "verification:review");
  const actor = input.actor;
  const now = input.now ?? new Date();
  // Valid until its last day inclusive, that day counted in Amsterdam.
  if (input.documentValidUntil < today(now)) {
    throw new AppError("VALIDATION", "id_expired", { fieldErrors: { documentValidUntil: ["id_expired"] } });
  }

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
      const active = await tx.holding.findFirst({
        where: { vehicleId: vehicle.id, kind: "OWNER", endedAt: null },
        select: { id: true, userId: true, disconnectedAt: true, user: { select: { email: true, locale: true, firstName: true } } },
      });

      let holdingId: string;
      let ownershipChanged = false;
      let relinked = false;
      if (request.relationship === "OWNER") {
        if (active?.userId === owner.id) {
          if (!active.disconnectedAt) throw new AppError("CONFLICT", "already_linked");
          // The owner's own disconnected car: verifying again reconnects it (audited as a re-link).
          await tx.holding.update({ where: { id: active.id }, data: { disconnectedAt: null } });
          holdingId = active.id;
          relinked = true;
        } else {
          if (active) {
            assertOwnershipChangeAllowed(input);
            const ended = await endOwnerHolding(tx, { holdingId: active.id, reason: "OWNERSHIP_CHANGED", cancellationReason: "ownership_changed", now });
            await audit(tx, actor, "vehicle.ownership_ended", {
              organisationId,
              entityType: "Holding",
              entityId: active.id,
              vehicleId: vehicle.id,
              subjectUserId: active.userId,
              data: { contractsCancelled: ended.contractsCancelled, driversEnded: ended.driversEnded, serviceRelationshipEnded: ended.serviceRelationshipEnded, channel: "SELF_UPLOAD" },
            });
            // The previous owner learns that the car left their account, not who has it now.
            if (active.user) {
              await enqueueEmail(tx, {
                to: active.user.email,
                locale: active.user.locale,
                template: "verification-ownership-ended",
                payload: { name: active.user.firstName, car, vin: input.vin },
              });
            }
            ownershipChanged = true;
          }
          holdingId = (await startOwnerHolding(tx, { vehicleId: vehicle.id, userId: owner.id, origin: "SELF_REGISTRATION", linkedByOrganisationId: organisationId, actor, now })).id;
        }
      } else {
        const existing = await tx.holding.findFirst({ where: { vehicleId: vehicle.id, kind: "DRIVER", userId: owner.id, endedAt: null }, select: { id: true } });
        if (existing || active?.userId === owner.id) throw new AppError("CONFLICT", "already_linked");
        holdingId = (
          await tx.holding.create({
            data: { vehicleId: vehicle.id, kind: "DRIVER", userId: owner.id, origin: "SELF_REGISTRATION", linkedByOrganisationId: organisationId, viaHoldingId: active?.id ?? null },
            select: { id: true },
          })
        ).id;
      }

      await tx.verifiedFacts.create({
        data: {
          requestId: request.id,
          holdingId,
          verifiedById: actor.userId,
          organisationId,
          idDocumentType: input.idDocumentType,
          fullName: input.fullName,
          dateOfBirth: input.dateOfBirth,
          placeOfBirth: input.placeOfBirth,
          address: input.address,
          documentValidUntil: input.documentValidUntil,
          vin: input.vin,
          plate: input.plate ?? null,
          registeredOwnerName: input.registeredOwnerName,
          registeredOwnerAddress: input.registeredOwnerAddress,
          verifiedAt: now,
        },
      });
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
      return { requestId: request.id, vehicleId: vehicle.id, holdingId, ownershipChanged };
    });
  } catch (e) {
    if (!(e instanceof AppError) && isUniqueViolation(e)) throw new AppError("CONFLICT", "vehicle_has_owner");
    throw e;
  }
  const deleted = await deleteCopies([result.requestId], now);
  return { ...result, copiesDeleted: deleted.failed === 0 };
}
