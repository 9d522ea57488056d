import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { staffPassport } from "./common";
import { transaction } from "../server/transaction";

/**
 * Links a stock car's passport to one of the garage's fleet accounts (sales / stock department),
 * or unlinks it (null). Only while the garage holds the car and no transfer is pending.
 */
export async function setFleetAccount(input: { actor: Actor; passportId: string; fleetAccountId: string | null }): Promise<{ linked: boolean }> {
  return transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if (!p.inStock) throw new AppError("CONFLICT", "not_in_stock");
    if (p.pending) throw new AppError("CONFLICT", "transfer_pending");
    if (input.fleetAccountId) {
      // The fleet account must be one of this garage's own: the tenant comes from the passport.
      const fleet = await tx.organisation.findFirst({ where: { id: input.fleetAccountId, kind: "FLEET", parentId: p.garageId }, select: { id: true } });
      if (!fleet) throw new AppError("VALIDATION", "fleet_invalid", { fieldErrors: { fleetAccountId: ["fleet_invalid"] } });
    }
    if (p.fleetAccountId === input.fleetAccountId) return { linked: !!input.fleetAccountId };
    await tx.passport.update({ where: { id: p.id }, data: { fleetAccountId: input.fleetAccountId } });
    await audit(tx, input.actor, input.fleetAccountId ? "passport.fleet_linked" : "passport.fleet_unlinked", {
      organisationId: p.garageId,
      entityType: "Passport",
      entityId: p.id,
      vehicleId: p.vehicleId,
      data: { fleetAccountId: input.fleetAccountId ?? p.fleetAccountId },
    });
    return { linked: !!input.fleetAccountId };
  });
}
