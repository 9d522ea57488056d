import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { staffPassport } from "./common";
import { statusAllowed } from "./rules";
import type { PassportStatusT } from "./schemas";

/**
 * Staff keep the passport's status and notes up to date. Once the buyer holds the car, notes stay
 * open (service work) but the status is sold or delivered only: the car cannot go back in stock.
 */
export async function updatePassport(input: { actor: Actor; passportId: string; status: PassportStatusT; notes: string }): Promise<void> {
  await transaction(async (tx) => {
    // Locked: a buyer accepting at the same moment waits, and then sees this status.
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if (!statusAllowed(p, input.status)) throw new AppError("CONFLICT", "status_after_sale", { fieldErrors: { status: ["status_after_sale"] } });
    await tx.passport.update({ where: { id: p.id }, data: { status: input.status, notes: input.notes.trim() } });
    await audit(tx, input.actor, "passport.updated", {
      organisationId: p.garageId,
      entityType: "Passport",
      entityId: p.id,
      vehicleId: p.vehicleId,
      data: { status: input.status, statusChanged: p.status !== input.status },
    });
  });
}
