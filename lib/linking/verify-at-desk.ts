import { today } from "../server/dates";
import { actingOrganisation, assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { normalizePlate } from "../server/plate";
import { findOrCreateVehicle } from "../holdings/vehicles";
import { assertDocumentsMatch, assertNotInStock, assertOwnershipChangeAllowed } from "../holdings/guards";
import { endOwnerHolding, startOwnerHolding } from "../holdings/holdings";
import { isUniqueViolation } from "../server/db-errors";
import type { DeskVerificationInputT } from "./schemas";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";

/** `today`: the current instant (for tests); the calendar day is taken in Amsterdam. */
export type VerifyAtDeskInput = DeskVerificationInputT & { actor: Actor; today?: Date };

/**
 * Flow 2: staff checked the owner's ID document and registration certificate in person. Only the
 * facts are kept, never a copy. The ID document is the account holder's (its name is the
 * account's name); an owner is linked only on a certificate in that name, an authorised driver on
 * the owner's written authorisation instead (recorded with the facts). A car still on a previous
 * owner's account changes hands only with staff's explicit confirmation too. The owner's own
 * disconnected car is re-linked (audited and e-mailed as a re-link). A known VIN keeps its
 * recorded make and model, whatever was typed: the e-mails name the recorded car.
 */
export async function verifyAtDesk(input: VerifyAtDeskInput): Promise<{ vehicleId: string; holdingId: string; ownershipChanged: boolean }> {
  assertCan(input.actor, "vehicles:link");
  const dealerId = actingOrganisation(input.actor, input.organisationId, "vehicles:link");
  // An authorised driver is linked only on the owner's written authorisation (checked here too, not only by the form).
  if (input.relationship === "DRIVER" && !input.authorisationSeen) {
    throw new AppError("VALIDATION", "authorisation_required", { fieldErrors: { authorisationSeen: ["authorisation_required"] } });
  }
  // Valid until its last day inclusive, that day counted in Amsterdam.
  if (input.documentValidUntil < today(input.today)) {
    throw new AppError("VALIDATION", "id_expired", { fieldErrors: { documentValidUntil: ["id_expired"] } });
  }
  try {
    const result = await transaction(async (tx) => {
      const owner = await tx.user.findUnique({ where: { email: input.ownerEmail }, select: { id: true, email: true, locale: true, firstName: true, lastName: true, status: true } });
      if (!owner || owner.status !== "ACTIVE") throw new AppError("VALIDATION", "owner_not_found", { fieldErrors: { ownerEmail: ["owner_not_found"] } });
      // Staff never verify themselves: someone else checks their documents.
      if (owner.id === input.actor.userId) throw new AppError("FORBIDDEN", "own_account", { fieldErrors: { ownerEmail: ["own_account"] } });
      assertDocumentsMatch({ accountName: `${owner.firstName} ${owner.lastName}`, fullName: input.fullName, registeredOwnerName: input.relationship === "OWNER" ? input.registeredOwnerName : null });
      // The certificate was checked: a Belgian plate on it may move from the car it was on.
      const vehicle = await findOrCreateVehicle(tx, input, { certificateChecked: true, guard: (vehicleId) => assertNotInStock(tx, vehicleId) });
      const car = `${vehicle.make} ${vehicle.model}`;
      const dealer = await tx.organisation.findUniqueOrThrow({ where: { id: dealerId }, select: { name: true } });
      const active = await tx.holding.findFirst({
        where: { vehicleId: vehicle.id, kind: "OWNER", endedAt: null },
        select: { id: true, userId: true, disconnectedAt: true, user: { select: { email: true, locale: true, firstName: true } } },
      });

      let holdingId: string;
      let ownershipChanged = false;
      let relinked = false;
      if (input.relationship === "OWNER") {
        if (active?.userId === owner.id) {
          if (!active.disconnectedAt) throw new AppError("CONFLICT", "already_linked");
          // The owner's own disconnected car: verifying again reconnects it.
          await tx.holding.update({ where: { id: active.id }, data: { disconnectedAt: null } });
          holdingId = active.id;
          relinked = true;
        } else {
          if (active) {
            assertOwnershipChangeAllowed(input);
            const ended = await endOwnerHolding(tx, { holdingId: active.id, reason: "OWNERSHIP_CHANGED", cancellationReason: "ownership_changed" });
            await audit(tx, input.actor, "vehicle.ownership_ended", {
              organisationId: dealerId,
              entityType: "Holding",
              entityId: active.id,
              vehicleId: vehicle.id,
              subjectUserId: active.userId,
              data: { contractsCancelled: ended.contractsCancelled, driversEnded: ended.driversEnded, serviceRelationshipEnded: ended.serviceRelationshipEnded },
            });
            // The previous owner learns that the car left their account, not who has it now.
            await enqueueEmail(tx, {
              to: active.user!.email,
              locale: active.user!.locale,
              template: "ownership-ended",
              payload: { name: active.user!.firstName, car, vin: input.vin, dealer: dealer.name },
            });
            ownershipChanged = true;
          }
          holdingId = (await startOwnerHolding(tx, { vehicleId: vehicle.id, userId: owner.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: dealerId, actor: input.actor })).id;
        }
      } else {
        const existing = await tx.holding.findFirst({ where: { vehicleId: vehicle.id, kind: "DRIVER", userId: owner.id, endedAt: null }, select: { id: true } });
        if (existing || active?.userId === owner.id) throw new AppError("CONFLICT", "already_linked");
        holdingId = (
          await tx.holding.create({
            data: { vehicleId: vehicle.id, kind: "DRIVER", userId: owner.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: dealerId, viaHoldingId: active?.id ?? null },
            select: { id: true },
          })
        ).id;
      }

      await tx.verifiedFacts.create({
        data: {
          holdingId,
          verifiedById: input.actor.userId,
          organisationId: dealerId,
          idDocumentType: input.idDocumentType,
          fullName: input.fullName,
          dateOfBirth: input.dateOfBirth,
          placeOfBirth: input.placeOfBirth,
          address: input.address,
          documentValidUntil: input.documentValidUntil,
          vin: input.vin,
          plate: input.plate ? normalizePlate(input.plate) : null,
          registeredOwnerName: input.registeredOwnerName,
          registeredOwnerAddress: input.registeredOwnerAddress,
        },
      });
      await audit(tx, input.actor, relinked ? "vehicle.relinked" : input.relationship === "OWNER" ? "vehicle.linked" : "vehicle.driver_linked", {
        organisationId: dealerId,
        entityType: "Holding",
        entityId: holdingId,
        vehicleId: vehicle.id,
        subjectUserId: owner.id,
        data: relinked
          ? { channel: "DESK", identityChecked: true }
          : input.relationship === "DRIVER"
            ? { channel: "DESK", ownershipChanged, ownerAuthorisationSeen: true }
            : { channel: "DESK", ownershipChanged },
      });
      await enqueueEmail(
        tx,
        relinked
          ? { to: owner.email, locale: owner.locale, template: "vehicle-relinked", payload: { name: owner.firstName, car } }
          : {
              to: owner.email,
              locale: owner.locale,
              template: "vehicle-linked-desk",
              payload: { name: owner.firstName, car, dealer: dealer.name, url: appLink(owner.locale, `/garage/vehicles/${vehicle.id}`) },
            },
      );
      return { vehicleId: vehicle.id, holdingId, ownershipChanged };
    });
    return result;
  } catch (e) {
    if (isUniqueViolation(e) && !(e instanceof AppError)) throw new AppError("CONFLICT", "vehicle_has_owner");
    throw e;
  }
}
