import { actingOrganisation, assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { findOrCreateVehicle } from "../holdings/vehicles";
import { assertDocumentsMatch, assertNotInStock } from "../holdings/guards";
import { assertIdValid, linkVerifiedPerson, recordVerifiedFacts } from "../holdings/link-verified";
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
  assertIdValid(input.documentValidUntil, input.today);
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
      const { holdingId, ownershipChanged, relinked } = await linkVerifiedPerson(tx, {
        vehicleId: vehicle.id,
        person: owner,
        relationship: input.relationship,
        origin: "DEALER_VERIFIED",
        organisationId: dealerId,
        actor: input.actor,
        facts: input,
        channelData: { channel: "DESK" },
        notifyPreviousOwner: async (previous) => {
          if (!previous.user) return;
          await enqueueEmail(tx, {
            to: previous.user.email,
            locale: previous.user.locale,
            template: "ownership-ended",
            payload: { name: previous.user.firstName, car, vin: input.vin, dealer: dealer.name },
          });
          if (previous.userId) await leaveMessage(tx, { userId: previous.userId, kind: "ownership_ended", data: { car, vin: input.vin } });
        },
      });
      await recordVerifiedFacts(tx, { holdingId, verifiedById: input.actor.userId, organisationId: dealerId, facts: input });
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
      await leaveMessage(tx, { userId: owner.id, vehicleId: vehicle.id, kind: relinked ? "vehicle_relinked" : "vehicle_linked", data: { car, dealer: dealer.name }, link: `/garage/vehicles/${vehicle.id}` });
      return { vehicleId: vehicle.id, holdingId, ownershipChanged };
    });
    return result;
  } catch (e) {
    if (isUniqueViolation(e) && !(e instanceof AppError)) throw new AppError("CONFLICT", "vehicle_has_owner");
    throw e;
  }
}
