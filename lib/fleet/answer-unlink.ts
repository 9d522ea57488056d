import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { transaction } from "../server/transaction";
import { carLabel, lockPassport, plateLabel, staffGarages } from "../passports/common";
import { notifyFleet } from "./notify";

/**
 * Garage staff answer a fleet's unlink request. Approving unlinks the car from the fleet account
 * (Passport.fleetAccountId = null, audited as passport.fleet_unlinked too), after which the
 * garage can transfer it; declining keeps the link and gives the fleet a reason. Either way the
 * fleet manager gets an e-mail. A request of another garage reads as not found; one already
 * answered is gone.
 */
export async function answerUnlink(input: { actor: Actor; requestId: string; decision: "approve" | "decline"; declineReason?: string }): Promise<{ approved: boolean }> {
  const garages = staffGarages(input.actor);
  return transaction(async (tx) => {
    const r = await tx.fleetUnlinkRequest.findFirst({
      where: { id: input.requestId, garageId: { in: garages } },
      select: {
        id: true,
        status: true,
        garageId: true,
        passportId: true,
        fleetAccountId: true,
        requestedById: true,
        garage: { select: { name: true } },
        passport: { select: { vehicleId: true, vehicle: { select: { make: true, model: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, orderBy: { validFrom: "desc" }, take: 1 } } } } },
      },
    });
    if (!r) throw new AppError("NOT_FOUND");
    await lockPassport(tx, r.passportId);
    const approved = input.decision === "approve";
    const now = new Date();
    const won = await tx.fleetUnlinkRequest.updateMany({
      where: { id: r.id, status: "OPEN" },
      data: { status: approved ? "APPROVED" : "DECLINED", decidedById: input.actor.userId, decidedAt: now, declineReason: approved ? null : (input.declineReason ?? null) },
    });
    if (won.count !== 1) throw new AppError("GONE", "unlink_request_answered");
    const vehicleId = r.passport.vehicleId;
    if (approved) {
      // Only the link the request is about: a car the garage moved to another fleet meanwhile stays there.
      const unlinked = await tx.passport.updateMany({ where: { id: r.passportId, fleetAccountId: r.fleetAccountId }, data: { fleetAccountId: null } });
      if (unlinked.count === 1) {
        await audit(tx, input.actor, "passport.fleet_unlinked", {
          organisationId: r.garageId,
          entityType: "Passport",
          entityId: r.passportId,
          vehicleId,
          data: { fleetAccountId: r.fleetAccountId, requestId: r.id },
        });
      }
    }
    await audit(tx, input.actor, approved ? "fleet.unlink_approved" : "fleet.unlink_declined", {
      organisationId: r.garageId,
      entityType: "FleetUnlinkRequest",
      entityId: r.id,
      vehicleId,
      data: { passportId: r.passportId, fleetAccountId: r.fleetAccountId },
    });
    await notifyFleet(tx, {
      fleetAccountId: r.fleetAccountId,
      requestedById: r.requestedById,
      passportId: r.passportId,
      garage: r.garage.name,
      car: carLabel(r.passport.vehicle),
      plate: plateLabel(r.passport.vehicle.plates),
      approved,
      reason: approved ? "" : (input.declineReason ?? ""),
    });
    return { approved };
  });
}
