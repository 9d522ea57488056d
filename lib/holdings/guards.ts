/** Checks every linking flow makes before a car changes hands. */
import type { Tx } from "../server/database";
import { AppError } from "../server/errors";
import { sameOwnerName } from "./owner-name";

/**
 * A car in a garage's stock (an AutoPaspoort not yet transferred) is handed over by that garage
 * (flow 6), never linked around it: its stock holding would stay, and the buyer would see the
 * garage's internal passport.
 */
export async function assertNotInStock(tx: Tx, vehicleId: string, field: "vin" | null = "vin"): Promise<void> {
  const stock = await tx.holding.findFirst({ where: { vehicleId, kind: "STOCK", endedAt: null }, select: { id: true } });
  if (stock) throw new AppError("CONFLICT", "vehicle_in_stock", field ? { fieldErrors: { [field]: ["vehicle_in_stock"] } } : undefined);
}

/**
 * A car on another owner's account changes hands only on a registration certificate in the new
 * owner's name (the name on their ID document) and with the reviewer's explicit confirmation.
 */
export function assertOwnershipChangeAllowed(input: { fullName: string; registeredOwnerName: string; confirmOwnershipChange: boolean }): void {
  if (!sameOwnerName(input.fullName, input.registeredOwnerName)) {
    throw new AppError("VALIDATION", "registered_owner_mismatch", { fieldErrors: { registeredOwnerName: ["registered_owner_mismatch"] } });
  }
  if (!input.confirmOwnershipChange) {
    throw new AppError("CONFLICT", "ownership_change_needs_confirmation", { fieldErrors: { confirmOwnershipChange: ["ownership_change_needs_confirmation"] } });
  }
}

/**
 * The documents staff checked belong to the account being linked: the ID document's name is the
 * account's name and, for an owner (`registeredOwnerName` given), the registration certificate is
 * in that name too. An authorised driver's certificate is the owner's: the owner's written
 * authorisation stands in for it (checked by the caller). Names are compared as the
 * self-registration approval compares them (owner-name.ts).
 */
export function assertDocumentsMatch(input: { accountName: string; fullName: string; registeredOwnerName: string | null }): void {
  if (!sameOwnerName(input.accountName, input.fullName)) {
    throw new AppError("VALIDATION", "id_name_mismatch", { fieldErrors: { fullName: ["id_name_mismatch"] } });
  }
  if (input.registeredOwnerName !== null && !sameOwnerName(input.fullName, input.registeredOwnerName)) {
    throw new AppError("VALIDATION", "registered_owner_mismatch", { fieldErrors: { registeredOwnerName: ["registered_owner_mismatch"] } });
  }
}
