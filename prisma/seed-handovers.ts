/**
 * Demo handovers between owners (docs/decisions/0034), between two demo owners of their own so the
 * other demo owners' garages and inboxes stay as the demo tests know them:
 *
 * - the seller's Volkswagen ID.4 waits for the buyer: the buyer, signing in, finds the offer in
 *   the inbox and accepts or declines it on its page in the garage;
 * - the seller's Audi A3 went to the buyer six days ago, and the buyer has opened it since: the
 *   seller can no longer undo it, so support has it to decide on (Console → Owner handovers).
 *
 * Written as the use cases leave them (lib/handover/*): holdings, contracts, the odometer at sale,
 * the audit rows of both parties, the e-mail link's hash (no e-mail: the buyer has an account and
 * the inbox message). Idempotent: keyed by VIN, created only when the car has no holding yet.
 */
import type { PrismaClient } from "../generated/prisma/client";
import { today } from "../lib/server/dates";
import { newToken } from "../lib/server/tokens";
import { contractPeriod, monthsBefore } from "./demo-dates";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const BUYER_NAME = "Bram Koper";

type Car = {
  vin: string;
  make: string;
  model: string;
  modelYear: number;
  fuel: "PETROL" | "ELECTRIC";
  plate: string;
  startedMonthsAgo: number;
  history: { kind: "SERVICE" | "INSPECTION"; daysAgo: number; km: number; description: string; lines: string[] }[];
  /** Its contracts (started `sinceMonths` ago), and whether each goes with the car in the handover. */
  contracts: { product: string; durationMonths: number; sinceMonths: number; autoRenew: boolean; moves: boolean }[];
  /** The odometer at sale, as the seller typed it. */
  mileageKm: number;
};

const WAITING: Car = {
  vin: "WVGZZZE2ZNP045218",
  make: "Volkswagen",
  model: "ID.4",
  modelYear: 2022,
  fuel: "ELECTRIC",
  plate: "N482HV",
  startedMonthsAgo: 28,
  history: [
    { kind: "SERVICE", daysAgo: 820, km: 20, description: "Afleverinspectie", lines: ["Voertuig gecontroleerd voor aflevering"] },
    { kind: "SERVICE", daysAgo: 400, km: 21400, description: "Jaarlijkse onderhoudsbeurt", lines: ["Interieurfilter vervangen", "Software bijgewerkt"] },
    { kind: "SERVICE", daysAgo: 50, km: 38900, description: "Jaarlijkse onderhoudsbeurt", lines: ["Remvloeistof ververst", "Ruitenwissers vervangen"] },
  ],
  contracts: [
    { product: "CONNECT", durationMonths: 36, sinceMonths: 28, autoRenew: true, moves: true },
    { product: "ROADSIDE", durationMonths: 24, sinceMonths: 4, autoRenew: true, moves: true },
    // The holder's own card: never goes with the car.
    { product: "CHARGING", durationMonths: 12, sinceMonths: 7, autoRenew: true, moves: false },
  ],
  mileageKm: 39650,
};

const ACCEPTED: Car = {
  vin: "WAUZZZGY5KA031764",
  make: "Audi",
  model: "A3 Sportback",
  modelYear: 2019,
  fuel: "PETROL",
  plate: "KT718F",
  startedMonthsAgo: 40,
  history: [
    { kind: "INSPECTION", daysAgo: 700, km: 61200, description: "APK-keuring", lines: ["Goedgekeurd zonder reparaties"] },
    { kind: "SERVICE", daysAgo: 330, km: 70800, description: "Grote onderhoudsbeurt", lines: ["Motorolie en filters vervangen", "Bougies vervangen"] },
    { kind: "INSPECTION", daysAgo: 40, km: 78300, description: "APK-keuring", lines: ["Goedgekeurd"] },
  ],
  contracts: [
    { product: "CONNECT", durationMonths: 36, sinceMonths: 16, autoRenew: true, moves: true },
    // Could have gone with the car; the seller let it end (an undo runs it again).
    { product: "WARRANTY_PLUS", durationMonths: 24, sinceMonths: 10, autoRenew: false, moves: false },
  ],
  mileageKm: 78950,
};

type Parties = { sellerId: string; buyerId: string; dealerId: string; dealerStaffId: string; now: Date };

/** A car of the seller's, linked by the demo dealer, with its history and contracts; null if it exists already. */
async function sellersCar(tx: Tx, c: Car, p: Parties) {
  const vehicle = await tx.vehicle.upsert({
    where: { vin: c.vin },
    update: {},
    create: { vin: c.vin, make: c.make, model: c.model, modelYear: c.modelYear, fuel: c.fuel, mileageKm: c.history.at(-1)!.km },
    select: { id: true, _count: { select: { holdings: true } } },
  });
  if (vehicle._count.holdings > 0) return null;
  const startedAt = monthsBefore(p.now, c.startedMonthsAgo);
  await tx.licencePlate.create({ data: { vehicleId: vehicle.id, country: "NL", plate: c.plate, validFrom: startedAt } });
  const holding = await tx.holding.create({
    data: { vehicleId: vehicle.id, kind: "OWNER", userId: p.sellerId, origin: "INVITATION", linkedByOrganisationId: p.dealerId, startedAt },
    select: { id: true },
  });
  const contracts: { id: string; moves: boolean; autoRenew: boolean }[] = [];
  for (const k of c.contracts) {
    const row = await tx.contract.create({
      data: {
        vehicleId: vehicle.id,
        holdingId: holding.id,
        providerId: p.dealerId,
        product: k.product,
        durationMonths: k.durationMonths,
        autoRenew: k.autoRenew,
        status: "ACTIVE",
        ...contractPeriod(monthsBefore(p.now, k.sinceMonths), k.durationMonths),
      },
      select: { id: true },
    });
    contracts.push({ id: row.id, moves: k.moves, autoRenew: k.autoRenew });
  }
  await tx.auditLog.create({
    data: { actorUserId: p.dealerStaffId, actorOrganisationId: p.dealerId, actorRole: "dealer:admin", action: "vehicle.linked", entityType: "Holding", entityId: holding.id, vehicleId: vehicle.id, subjectUserId: p.sellerId, at: startedAt },
  });
  for (const h of c.history) {
    const performedAt = new Date(today().getTime() - h.daysAgo * DAY);
    await tx.serviceRecord.create({
      data: {
        vehicleId: vehicle.id,
        kind: h.kind,
        performedAt,
        mileageKm: h.km,
        description: h.description,
        lines: h.lines,
        source: "WORKSHOP",
        organisationId: p.dealerId,
        recordedById: p.dealerStaffId,
        createdAt: new Date(performedAt.getTime() + DAY + 10 * HOUR),
      },
    });
  }
  return { vehicleId: vehicle.id, holdingId: holding.id, contracts };
}

/** One step in both parties' audit, as lib/handover/common.ts auditBoth writes it. */
async function auditBoth(tx: Tx, step: { action: string; actorId: string; handoverId: string; vehicleId: string; at: Date; data?: Record<string, string | number> }, p: Parties) {
  const base = { actorUserId: step.actorId, actorRole: "owner", action: step.action, entityType: "Handover", entityId: step.handoverId, vehicleId: step.vehicleId, at: step.at };
  await tx.auditLog.create({ data: { ...base, subjectUserId: p.sellerId, data: { handoverId: step.handoverId, buyerName: BUYER_NAME, ...step.data } } });
  await tx.auditLog.create({ data: { ...base, subjectUserId: p.buyerId, data: { handoverId: step.handoverId, ...step.data } } });
}

export async function seedHandovers(tx: Tx, p: Parties): Promise<void> {
  const buyer = await tx.user.findUniqueOrThrow({ where: { id: p.buyerId }, select: { email: true, locale: true } });

  // The ID.4: started yesterday, waiting for the buyer; the buyer's inbox has the offer.
  const waiting = await sellersCar(tx, WAITING, p);
  if (waiting) {
    const startedAt = new Date(p.now.getTime() - DAY);
    const h = await tx.handover.create({
      data: {
        tokenHash: newToken().hash,
        vehicleId: waiting.vehicleId,
        sellerHoldingId: waiting.holdingId,
        sellerId: p.sellerId,
        buyerEmail: buyer.email,
        buyerName: BUYER_NAME,
        buyerLocale: buyer.locale,
        offeredToId: p.buyerId,
        soldOn: today(startedAt),
        mileageKm: WAITING.mileageKm,
        expiresAt: new Date(startedAt.getTime() + 14 * DAY),
        createdAt: startedAt,
        contracts: { create: waiting.contracts.map((c) => ({ contractId: c.id, moves: c.moves, autoRenew: c.autoRenew })) },
      },
      select: { id: true },
    });
    const moving = waiting.contracts.filter((c) => c.moves).length;
    await auditBoth(tx, { action: "handover.started", actorId: p.sellerId, handoverId: h.id, vehicleId: waiting.vehicleId, at: startedAt, data: { contractsMoving: moving, contractsEnding: waiting.contracts.length - moving } }, p);
    const car = `${WAITING.make} ${WAITING.model}`;
    await tx.message.create({ data: { userId: p.buyerId, kind: "handover_offered", data: { car, handoverId: h.id, link: `/garage/handovers/${h.id}` }, createdAt: startedAt } });
  }

  // The A3: accepted six days ago and opened by the buyer an hour later.
  const accepted = await sellersCar(tx, ACCEPTED, p);
  if (accepted) {
    const startedAt = new Date(p.now.getTime() - 7 * DAY);
    const acceptedAt = new Date(p.now.getTime() - 6 * DAY);
    const openedAt = new Date(acceptedAt.getTime() + HOUR);
    const soldOn = today(startedAt);
    const moving = accepted.contracts.filter((c) => c.moves);
    const ending = accepted.contracts.filter((c) => !c.moves);
    // The seller's holding ended as SOLD; the contract left behind was cancelled with it.
    await tx.contract.updateMany({ where: { id: { in: ending.map((c) => c.id) } }, data: { status: "CANCELLED", autoRenew: false, cancelledAt: acceptedAt, cancellationReason: "vehicle_sold" } });
    await tx.holding.update({ where: { id: accepted.holdingId }, data: { endedAt: acceptedAt, endReason: "SOLD" } });
    const buyerHolding = await tx.holding.create({
      data: { vehicleId: accepted.vehicleId, kind: "OWNER", userId: p.buyerId, origin: "HANDOVER", startedAt: acceptedAt },
      select: { id: true },
    });
    await tx.contract.updateMany({ where: { id: { in: moving.map((c) => c.id) } }, data: { holdingId: buyerHolding.id } });
    const h = await tx.handover.create({
      data: {
        tokenHash: newToken().hash,
        vehicleId: accepted.vehicleId,
        sellerHoldingId: accepted.holdingId,
        sellerId: p.sellerId,
        buyerEmail: buyer.email,
        buyerName: BUYER_NAME,
        buyerLocale: buyer.locale,
        offeredToId: p.buyerId,
        buyerId: p.buyerId,
        buyerHoldingId: buyerHolding.id,
        soldOn,
        mileageKm: ACCEPTED.mileageKm,
        status: "ACCEPTED",
        expiresAt: new Date(startedAt.getTime() + 14 * DAY),
        createdAt: startedAt,
        decidedAt: acceptedAt,
        buyerOpenedAt: openedAt,
        contracts: { create: accepted.contracts.map((c) => ({ contractId: c.id, moves: c.moves, autoRenew: c.autoRenew })) },
      },
      select: { id: true },
    });
    // The odometer at sale, as the seller typed it when starting (lib/handover/accept-handover.ts).
    await tx.serviceRecord.create({
      data: { vehicleId: accepted.vehicleId, kind: "HANDOVER", source: "OWNER", recordedById: p.sellerId, performedAt: soldOn, mileageKm: ACCEPTED.mileageKm, description: "", createdAt: startedAt },
    });
    await tx.vehicle.update({ where: { id: accepted.vehicleId }, data: { mileageKm: ACCEPTED.mileageKm } });
    const ids = { handoverId: h.id, vehicleId: accepted.vehicleId };
    await auditBoth(tx, { action: "handover.started", actorId: p.sellerId, ...ids, at: startedAt, data: { contractsMoving: moving.length, contractsEnding: ending.length } }, p);
    await auditBoth(tx, { action: "handover.accepted", actorId: p.buyerId, ...ids, at: acceptedAt, data: { contractsMoved: moving.length, contractsCancelled: ending.length, driversEnded: 0, mileageKm: ACCEPTED.mileageKm } }, p);
    await auditBoth(tx, { action: "handover.buyer_opened", actorId: p.buyerId, ...ids, at: openedAt }, p);
    const car = `${ACCEPTED.make} ${ACCEPTED.model}`;
    await tx.message.create({ data: { userId: p.sellerId, kind: "handover_accepted", data: { car, buyer: BUYER_NAME, link: `/garage/handovers/${h.id}` }, createdAt: acceptedAt, readAt: openedAt } });
    await tx.message.create({
      data: { userId: p.buyerId, vehicleId: accepted.vehicleId, kind: "handover_completed", data: { car, link: `/garage/vehicles/${accepted.vehicleId}` }, createdAt: acceptedAt, readAt: openedAt },
    });
  }
}

/** For the README and tests: the demo handovers' cars. */
export const DEMO_HANDOVER_VINS = { waiting: WAITING.vin, accepted: ACCEPTED.vin } as const;
