/**
 * The two moves every linking flow shares, inside the caller's transaction: start an owner's
 * holding (the database admits one active owner per vehicle) and end one with everything that
 * hangs on it (contracts cancelled with renewal off, authorised drivers' access ended).
 */
import { sameOwnerName } from "./owner-name";
import type { Tx } from "../server/database";
import { AppError } from "../server/errors";

type Origin = "INVITATION" | "DEALER_VERIFIED" | "SELF_REGISTRATION" | "TRANSFER" | "RELINK";
type EndReason = "REMOVED" | "TRANSFERRED" | "DISCONNECTED" | "OWNERSHIP_CHANGED";

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    err?.code === "P2002" ||
    err?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" ||
    /unique constraint|duplicate key/i.test(err?.message ?? "")
  );
}

export async function startOwnerHolding(
  tx: Tx,
  input: { vehicleId: string; userId: string; origin: Origin; linkedByOrganisationId?: string | null },
): Promise<{ id: string }> {
  try {
    return await tx.holding.create({
      data: {
        vehicleId: input.vehicleId,
        kind: "OWNER",
        userId: input.userId,
        origin: input.origin,
        linkedByOrganisationId: input.linkedByOrganisationId ?? null,
      },
      select: { id: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "vehicle_has_owner");
    throw e;
  }
}

export interface EndedHolding {
  contractsCancelled: number;
  driversEnded: number;
}

export async function endOwnerHolding(
  tx: Tx,
  input: { holdingId: string; reason: EndReason; cancellationReason: string; now?: Date },
): Promise<EndedHolding> {
  const now = input.now ?? new Date();
  const contracts = await tx.contract.updateMany({
    where: { holdingId: input.holdingId, status: { in: ["ACTIVE", "PENDING"] } },
    data: { status: "CANCELLED", autoRenew: false, cancelledAt: now, cancellationReason: input.cancellationReason },
  });
  const drivers = await tx.holding.updateMany({
    where: { viaHoldingId: input.holdingId, endedAt: null },
    data: { endedAt: now, endReason: "DRIVER_ACCESS_ENDED" },
  });
  const ended = await tx.holding.updateMany({
    where: { id: input.holdingId, endedAt: null },
    data: { endedAt: now, endReason: input.reason },
  });
  if (ended.count !== 1) throw new AppError("CONFLICT", "holding_already_ended");
  return { contractsCancelled: contracts.count, driversEnded: drivers.count };
}

export const isUniqueConstraintError = isUniqueViolation;

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
