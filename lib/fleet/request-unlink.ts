import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { isUniqueViolation } from "../server/db-errors";
import { transaction } from "../server/transaction";
import { carLabel, lockPassport, plateLabel } from "../passports/common";
import { fleetPassportScope } from "./access";
import { notifyGarage } from "./notify";

/**
 * A fleet manager asks the garage to unlink one of the fleet's cars (for a sale), with a reason.
 * One open request per car (a partial unique index backs the check); a car of another fleet reads
 * as not found. The garage's staff get an e-mail; the request waits in their console.
 */
export async function requestUnlink(input: { actor: Actor; passportId: string; reason: string }): Promise<{ requestId: string }> {
  const scope = fleetPassportScope(input.actor);
  try {
    return await transaction(async (tx) => {
      await lockPassport(tx, input.passportId);
      const p = await tx.passport.findFirst({
        where: { id: input.passportId, ...scope },
        select: {
          id: true,
          garageId: true,
          vehicleId: true,
          fleetAccountId: true,
          fleetAccount: { select: { name: true } },
          vehicle: { select: { make: true, model: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, orderBy: { validFrom: "desc" }, take: 1 } } },
        },
      });
      if (!p?.fleetAccountId) throw new AppError("NOT_FOUND");
      const open = await tx.fleetUnlinkRequest.findFirst({ where: { passportId: p.id, status: "OPEN" }, select: { id: true } });
      if (open) throw new AppError("CONFLICT", "unlink_request_open");
      const r = await tx.fleetUnlinkRequest.create({
        data: { passportId: p.id, fleetAccountId: p.fleetAccountId, garageId: p.garageId, reason: input.reason, requestedById: input.actor.userId },
        select: { id: true },
      });
      await audit(tx, input.actor, "fleet.unlink_requested", {
        organisationId: p.fleetAccountId,
        entityType: "FleetUnlinkRequest",
        entityId: r.id,
        vehicleId: p.vehicleId,
        data: { passportId: p.id },
      });
      await notifyGarage(tx, { garageId: p.garageId, fleet: p.fleetAccount?.name ?? "", car: carLabel(p.vehicle), plate: plateLabel(p.vehicle.plates), reason: input.reason });
      return { requestId: r.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "unlink_request_open");
    throw e;
  }
}
