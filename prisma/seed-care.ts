/**
 * The demo owner's first car gets an open recall (of a demo campaign, with its inbox message), a
 * factory warranty and a next service due (docs/decisions/0027-recalls-warranties-maintenance.md).
 * Idempotent: the campaign by its code, the rest only when the car has none yet. The due service
 * is 45 days and several thousand km away, so the reminder job does not e-mail the demo owner.
 */
import type { Prisma } from "../generated/prisma/client";
import { today } from "../lib/server/dates";
import { monthsBefore } from "./demo-dates";

const DAY = 24 * 3600_000;
export const DEMO_CAMPAIGN_CODE = "DEMO-24V-911";

export async function seedCarCare(
  tx: Prisma.TransactionClient,
  o: { ownerId: string; dealerId: string; dealerStaffId: string; supportEmail: string; vin: string; startedMonthsAgo: number; now: Date },
): Promise<void> {
  const vehicle = await tx.vehicle.findUniqueOrThrow({ where: { vin: o.vin }, select: { id: true, make: true, model: true, _count: { select: { warranties: true, maintenanceDue: true } } } });
  const support = await tx.user.findUnique({ where: { email: o.supportEmail }, select: { id: true } });
  const issuedAt = new Date(o.now.getTime() - 12 * DAY);
  const campaign = await tx.recallCampaign.upsert({
    where: { code: DEMO_CAMPAIGN_CODE },
    update: {},
    create: {
      code: DEMO_CAMPAIGN_CODE,
      titleNl: "Bevestiging bestuurdersairbag controleren",
      titleEn: "Check the driver's airbag mounting",
      titleFr: "Contrôler la fixation de l'airbag conducteur",
      descriptionNl: "Bij een klein aantal auto's kan een bout van de bestuurdersairbag los zitten. De dealer controleert de bevestiging en zet de bout zo nodig vast. Dit duurt ongeveer een half uur en is kosteloos.",
      descriptionEn: "On a small number of cars a bolt of the driver's airbag may be loose. The dealer checks the mounting and tightens the bolt if needed. This takes about half an hour and is free of charge.",
      descriptionFr: "Sur un petit nombre de voitures, un boulon de l'airbag conducteur peut être desserré. Le concessionnaire contrôle la fixation et resserre le boulon si nécessaire. Cela prend environ une demi-heure et est gratuit.",
      vins: [o.vin],
      createdById: support?.id ?? null,
      createdAt: issuedAt,
    },
    select: { id: true, code: true, titleEn: true, createdAt: true },
  });
  const recall = await tx.recall.findUnique({ where: { campaignId_vehicleId: { campaignId: campaign.id, vehicleId: vehicle.id } }, select: { id: true } });
  if (!recall) {
    await tx.recall.create({ data: { vehicleId: vehicle.id, campaignId: campaign.id, code: campaign.code, description: campaign.titleEn, issuedAt: campaign.createdAt } });
    const link = `/garage/vehicles/${vehicle.id}`;
    await tx.message.create({
      data: { userId: o.ownerId, vehicleId: vehicle.id, kind: "recall_opened", data: { car: `${vehicle.make} ${vehicle.model}`, code: campaign.code, campaignId: campaign.id, link }, createdAt: issuedAt },
    });
  }
  if (vehicle._count.warranties === 0) {
    const startsAt = today(monthsBefore(o.now, o.startedMonthsAgo));
    await tx.warranty.create({
      data: { vehicleId: vehicle.id, kind: "FACTORY", startsAt, endsAt: new Date(Date.UTC(startsAt.getUTCFullYear() + 2, startsAt.getUTCMonth(), startsAt.getUTCDate())), provider: "Porsche AG", organisationId: o.dealerId, createdById: o.dealerStaffId },
    });
  }
  if (vehicle._count.maintenanceDue === 0) {
    await tx.maintenanceDue.create({
      data: { vehicleId: vehicle.id, description: "Jaarlijkse onderhoudsbeurt", dueOn: new Date(today(o.now).getTime() + 45 * DAY), dueKm: 20_000, source: "WORKSHOP", organisationId: o.dealerId, setById: o.dealerStaffId },
    });
  }
}
