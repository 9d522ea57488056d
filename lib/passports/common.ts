/**
 * What the AutoPaspoort use cases share: the tenant scope of garage staff, loading one of the
 * actor's passports (NOT_FOUND otherwise), locking it for a change, and how a car is named in
 * e-mails and messages.
 */
import type { Tx } from "../server/database";
import { assertCan, organisationsWith, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { formatPlate, type PlateCountry } from "../server/plate";

export const TRANSFER_TTL_MS = 30 * 24 * 3600_000;

/** The garages in which the actor manages passports; throws NOT_FOUND for anyone else. */
export function staffGarages(actor: Actor): string[] {
  assertCan(actor, "passports:manage");
  return organisationsWith(actor, "passports:manage");
}

/**
 * The `where` of every staff read and write: a passport of one of the actor's garages whose
 * service relationship the owner has not ended. Anything else reads as not found.
 */
export function passportScope(actor: Actor) {
  return { garageId: { in: staffGarages(actor) }, serviceRelationshipEndedAt: null };
}

/** Serialises changes of one passport (row lock until the transaction ends). */
export async function lockPassport(tx: Tx, passportId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Passport" WHERE "id" = ${passportId} FOR UPDATE`;
}

export function carLabel(v: { make: string; model: string }): string {
  return `${v.make} ${v.model}`;
}

export function plateLabel(plates: { plate: string; country: PlateCountry }[]): string {
  const p = plates[0];
  return p ? formatPlate(p.plate, p.country) : "";
}

/**
 * Whether a transfer belongs to the passport's current stock period. A passport is one per car
 * for life: a garage that takes the car back into stock (a trade-in, `restock-passport.ts`) starts
 * a new period at `activatedAt`, and the transfers before it are history, not the car's state.
 * Both times are the database's `now()` (row defaults; the re-stock sets it in SQL), and a
 * transfer is confirmed in a later transaction than the period's start, so `>=` is exact.
 */
export function inCurrentPeriod(t: { confirmedAt: Date }, p: { activatedAt: Date }): boolean {
  return t.confirmedAt.getTime() >= p.activatedAt.getTime();
}

/**
 * One of the actor's passports with what the rules need: whether the garage still holds the car
 * as stock, and the pending or accepted transfer of the current stock period. Locks the row first
 * when asked (inside a transaction).
 */
export async function staffPassport(tx: Tx, actor: Actor, passportId: string, opts: { lock?: boolean } = {}) {
  const scope = passportScope(actor);
  if (opts.lock) await lockPassport(tx, passportId);
  const p = await tx.passport.findFirst({
    where: { id: passportId, ...scope },
    select: {
      id: true,
      garageId: true,
      vehicleId: true,
      fleetAccountId: true,
      status: true,
      activatedAt: true,
      contactEmail: true,
      garage: { select: { name: true } },
      vehicle: {
        select: {
          make: true,
          model: true,
          plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1, orderBy: { validFrom: "desc" } },
        },
      },
      transfers: { where: { status: { in: ["PENDING", "ACCEPTED"] } }, select: { id: true, status: true, email: true, expiresAt: true, toUserId: true, confirmedAt: true }, orderBy: { confirmedAt: "desc" } },
    },
  });
  if (!p) throw new AppError("NOT_FOUND");
  const stock = await tx.holding.findFirst({
    where: { vehicleId: p.vehicleId, kind: "STOCK", organisationId: p.garageId, endedAt: null },
    select: { id: true },
  });
  const current = p.transfers.filter((t) => inCurrentPeriod(t, p));
  return {
    ...p,
    transfers: current,
    stockHoldingId: stock?.id ?? null,
    inStock: !!stock,
    pending: current.find((t) => t.status === "PENDING") ?? null,
    accepted: current.find((t) => t.status === "ACCEPTED") ?? null,
    car: carLabel(p.vehicle),
    plate: plateLabel(p.vehicle.plates),
  };
}

export type StaffPassport = Awaited<ReturnType<typeof staffPassport>>;
