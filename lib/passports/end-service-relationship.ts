import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";

/**
 * The owner ends the garage's service relationship with the car: from then on the garage no longer
 * sees the car's dossier or the contact details it entered. The passport stays with the car.
 */
export async function endServiceRelationship(input: { actor: Actor; vehicleId: string }): Promise<void> {
  assertCan(input.actor, "garage:use");
  await transaction(async (tx) => {
    const holding = await tx.holding.findFirst({ where: { vehicleId: input.vehicleId, userId: input.actor.userId, kind: "OWNER", endedAt: null }, select: { id: true } });
    if (!holding) throw new AppError("NOT_FOUND", "vehicle_not_held");
    const passport = await tx.passport.findUnique({ where: { vehicleId: input.vehicleId }, select: { id: true, garageId: true } });
    if (!passport) throw new AppError("NOT_FOUND");
    const ended = await tx.passport.updateMany({ where: { id: passport.id, serviceRelationshipEndedAt: null }, data: { serviceRelationshipEndedAt: new Date() } });
    if (ended.count !== 1) throw new AppError("CONFLICT", "relationship_already_ended");
    await audit(tx, input.actor, "passport.service_relationship_ended", {
      entityType: "Passport",
      entityId: passport.id,
      vehicleId: input.vehicleId,
      subjectUserId: input.actor.userId,
      data: { garageId: passport.garageId },
    });
  });
}
