/**
 * Demo AutoPaspoorts: three stock cars in the showroom of Autobedrijf De Vries (demo-garage), one
 * of them linked to its fleet account (demo-fleet) with an inspection on its record.
 * Idempotent: keyed by VIN, created only when the car has no passport yet.
 */
import type { PrismaClient } from "../generated/prisma/client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const DAY = 24 * 3600_000;

const STOCK = [
  {
    vin: "JHMFA36209S012345",
    make: "Honda",
    model: "Civic 1.3 Hybrid",
    modelYear: 2009,
    fuel: "HYBRID" as const,
    mileageKm: 148200,
    plate: "49KBN7",
    status: "IN_STOCK" as const,
    notes: "Nieuwe APK bij aflevering. Distributieriem vervangen bij 140.000 km.",
    costs: [
      { description: "APK-keuring", amountCents: 4950 },
      { description: "Poetsbeurt en aflevering", amountCents: 17500 },
    ],
    maintenance: [{ description: "Kleine beurt voor aflevering", dueInDays: 7 }],
  },
  {
    vin: "WVWZZZ1KZAW123456",
    make: "Volkswagen",
    model: "Golf 1.4 TSI",
    modelYear: 2019,
    fuel: "PETROL" as const,
    mileageKm: 61350,
    plate: "K481GN",
    status: "RESERVED" as const,
    notes: "",
    costs: [{ description: "Nieuwe zomerbanden", amountCents: 46000 }],
    maintenance: [],
  },
  {
    vin: "SB1Z93BE10E012345",
    make: "Toyota",
    model: "Corolla Touring Sports 1.8 Hybrid",
    modelYear: 2021,
    fuel: "HYBRID" as const,
    mileageKm: 74300,
    plate: "ZR483K",
    status: "IN_STOCK" as const,
    notes: "Uit de verhuurvloot; verkoopklaar na kleine beurt.",
    costs: [{ description: "Kleine beurt", amountCents: 18900 }],
    maintenance: [{ description: "Kleine beurt", dueInDays: 14 }],
    fleet: true,
    inspection: { daysAgo: 40, km: 74300 },
  },
];

export async function seedPassports(tx: Tx): Promise<void> {
  const garage = await tx.organisation.findUnique({ where: { id: "demo-garage" }, select: { id: true } });
  const staff = await tx.user.findUnique({ where: { email: "garage@demo.autodossier.test" }, select: { id: true } });
  const fleet = await tx.organisation.findUnique({ where: { id: "demo-fleet" }, select: { id: true } });
  if (!garage || !staff) return;
  const now = Date.now();
  for (const [i, c] of STOCK.entries()) {
    const vehicle = await tx.vehicle.upsert({
      where: { vin: c.vin },
      update: {},
      create: { vin: c.vin, make: c.make, model: c.model, modelYear: c.modelYear, fuel: c.fuel, mileageKm: c.mileageKm },
      select: { id: true, passport: { select: { id: true } }, _count: { select: { plates: true, holdings: true } } },
    });
    if (vehicle.passport) continue;
    const createdAt = new Date(now - (10 - i) * DAY);
    if (vehicle._count.plates === 0) await tx.licencePlate.create({ data: { vehicleId: vehicle.id, country: "NL", plate: c.plate, validFrom: createdAt } });
    if (vehicle._count.holdings === 0) {
      await tx.holding.create({ data: { vehicleId: vehicle.id, kind: "STOCK", organisationId: garage.id, origin: "STOCK", linkedByOrganisationId: garage.id, startedAt: createdAt } });
    }
    await tx.passport.create({
      data: {
        vehicleId: vehicle.id,
        garageId: garage.id,
        createdById: staff.id,
        fleetAccountId: "fleet" in c && c.fleet ? (fleet?.id ?? null) : null,
        status: c.status,
        notes: c.notes,
        activatedAt: createdAt,
        createdAt,
        costItems: { create: c.costs },
        maintenanceItems: { create: c.maintenance.map((m) => ({ description: m.description, dueAt: new Date(now + m.dueInDays * DAY) })) },
      },
    });
    if ("inspection" in c && c.inspection) {
      const day = new Date(now - c.inspection.daysAgo * DAY);
      await tx.serviceRecord.create({
        data: {
          vehicleId: vehicle.id,
          organisationId: garage.id,
          source: "WORKSHOP",
          recordedById: staff.id,
          kind: "INSPECTION",
          performedAt: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())),
          mileageKm: c.inspection.km,
          description: "APK-keuring",
          lines: ["Goedgekeurd zonder reparaties"],
          createdAt: day,
        },
      });
    }
  }
}
