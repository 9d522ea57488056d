/**
 * The demo world. Idempotent: every row has a stable key and is only created when missing, so
 * seeding again changes nothing.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../lib/server/password";
import { addDays, addMonths, today } from "../lib/server/dates";
import { DEMO_PASSWORD } from "./demo-accounts";
import { seedPassports } from "./seed-passports";
import { contractPeriod, monthsBefore } from "./demo-dates";
import { seedCarCare } from "./seed-care";
import { seedHandovers } from "./seed-handovers";

const DAY = 24 * 3600_000;

type DemoEntry = { kind: "SERVICE" | "INSPECTION" | "REPAIR" | "TYRES"; daysAgo: number; km: number; description: string; lines: string[]; workshopName?: string };
type Ids = { id: string };
/** Who holds a demo car and who linked it; the Dutch owner and the Amsterdam dealer unless said otherwise. */
type DemoHolder = { owner: Ids; dealer: Ids; dealerStaff: Ids; plateCountry: "NL" | "BE" };

export async function seedDemo(prisma: PrismaClient, log: (m: string) => void = () => {}): Promise<void> {
  // Hashed on every seed: an account added to the demo world since an earlier seed is created
  // now, and needs a real hash (existing accounts keep theirs: upserts never update).
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await prisma.$transaction(async (tx) => {
    const user = (
      email: string,
      firstName: string,
      lastName: string,
      extra: { platformRole?: "SUPPORT" | "ADMIN"; locale?: "nl" | "en" | "fr" | "nl_BE"; city?: string; country?: "NL" | "BE" } = {},
    ) =>
      tx.user.upsert({
        where: { email },
        update: {},
        create: {
          email,
          firstName,
          lastName,
          passwordHash,
          status: "ACTIVE",
          emailVerifiedAt: new Date(),
          platformRole: extra.platformRole ?? "NONE",
          locale: extra.locale ?? "nl",
          city: extra.city ?? "Amsterdam",
          country: extra.country ?? "NL",
        },
        select: { id: true },
      });
    const org = (id: string, name: string, kind: "DEALER" | "GARAGE" | "FLEET", city: string, parentId?: string, country = "NL", locales: ("nl" | "en" | "fr")[] = ["nl", "en"]) =>
      tx.organisation.upsert({
        where: { id },
        update: {},
        create: { id, name, kind, city, country, parentId, locales },
        select: { id: true },
      });
    const member = (userId: string, organisationId: string, role: "MEMBER" | "ADMIN") =>
      tx.membership.upsert({
        where: { userId_organisationId: { userId, organisationId } },
        update: {},
        create: { userId, organisationId, role },
      });

    const owner = await user("owner@demo.autodossier.test", "Sanne", "de Jong");
    const dealerStaff = await user("dealer@demo.autodossier.test", "Pieter", "Bakker");
    const garageStaff = await user("garage@demo.autodossier.test", "Fatima", "El Amrani");
    await user("support@demo.autodossier.test", "Sam", "Support", { platformRole: "SUPPORT", locale: "en" });
    await user("admin@demo.autodossier.test", "Alex", "Admin", { platformRole: "ADMIN" });

    const dealer = await org("demo-dealer", "Porsche Centrum Amsterdam", "DEALER", "Amsterdam");
    // A second dealer (Brussels, serves French) and a second garage: other tenants for the demo and the tests.
    const dealerB = await org("demo-dealer-b", "Porsche Centre Bruxelles", "DEALER", "Brussel", undefined, "BE", ["fr", "nl", "en"]);
    const garageB = await org("demo-garage-b", "Garage Janssens", "GARAGE", "Antwerpen", undefined, "BE");
    const dealerBStaff = await user("dealer-b@demo.autodossier.test", "Camille", "Dubois", { locale: "en" });
    await member(dealerBStaff.id, dealerB.id, "ADMIN");
    // Belgian owners (docs/decisions/0032): one reads the portal in French, one in Belgian Dutch.
    const ownerFr = await user("owner-fr@demo.autodossier.test", "Élodie", "Lambert", { locale: "fr", city: "Namur", country: "BE" });
    const ownerBe = await user("owner-be@demo.autodossier.test", "Lotte", "Peeters", { locale: "nl_BE", city: "Gent", country: "BE" });
    // Two private owners for handovers between owners (docs/decisions/0034): one waits for the buyer, one support can undo.
    const seller = await user("seller@demo.autodossier.test", "Jeroen", "Smit", { city: "Haarlem" });
    const buyer = await user("buyer@demo.autodossier.test", "Bram", "Koper", { city: "Leiden" });
    await member((await user("garage-b@demo.autodossier.test", "Joris", "Janssens")).id, garageB.id, "ADMIN");
    const garage = await org("demo-garage", "Autobedrijf De Vries", "GARAGE", "Utrecht");
    const fleet = await org("demo-fleet", "De Vries Verkoop & Voorraad", "FLEET", "Utrecht", garage.id);
    // The fleet account's manager (decision 0030): sees the fleet's cars and asks the garage to unlink one.
    await member((await user("fleet@demo.autodossier.test", "Ruben", "Visser")).id, fleet.id, "ADMIN");
    await member(dealerStaff.id, dealer.id, "ADMIN");
    await member(garageStaff.id, garage.id, "ADMIN");

    const now = new Date();
    const dutch: DemoHolder = { owner, dealer, dealerStaff, plateCountry: "NL" };
    const belgian = (o: Ids): DemoHolder => ({ owner: o, dealer: dealerB, dealerStaff: dealerBStaff, plateCountry: "BE" });
    const cars: { holder: DemoHolder; vin: string; make: string; model: string; modelYear: number; fuel: "PETROL" | "DIESEL"; mileageKm: number; plate: string; startedMonthsAgo: number; nickname?: string; history: DemoEntry[]; contracts: { product: string; durationMonths: number; autoRenew: boolean; endsInDays?: number }[] }[] = [
      {
        holder: dutch,
        vin: "WP0ZZZ99ZTS392124",
        make: "Porsche",
        model: "911 Carrera",
        modelYear: 2024,
        fuel: "PETROL" as const,
        mileageKm: 12400,
        plate: "GZ231K",
        startedMonthsAgo: 14,
        // The owner's own name for the car (docs/decisions/0029); the Tiguan keeps its make and model.
        nickname: "De weekendauto",
        history: [
          { kind: "SERVICE", daysAgo: 425, km: 35, description: "Afleverinspectie", lines: ["Voertuig gecontroleerd voor aflevering", "Software bijgewerkt"] },
          { kind: "REPAIR", daysAgo: 300, km: 4820, description: "Voorruit vervangen (steenslag)", lines: ["Voorruit vervangen", "Camera rijstrookassistent gekalibreerd"] },
          { kind: "SERVICE", daysAgo: 91, km: 10900, description: "Jaarlijkse onderhoudsbeurt", lines: ["Motorolie en oliefilter vervangen", "Interieurfilter vervangen", "Remvloeistof ververst"] },
          { kind: "TYRES", daysAgo: 20, km: 12400, description: "Winterbanden gemonteerd", lines: [], workshopName: "Bandenland Amstelveen" },
        ],
        contracts: [
          { product: "CONNECT", durationMonths: 36, autoRenew: true },
          { product: "ROADSIDE", durationMonths: 24, autoRenew: false },
        ],
      },
      {
        holder: dutch,
        vin: "WVGZZZ5NZJM131395",
        make: "Volkswagen",
        model: "Tiguan",
        modelYear: 2018,
        fuel: "DIESEL" as const,
        mileageKm: 98150,
        plate: "T917RB",
        startedMonthsAgo: 30,
        history: [
          { kind: "INSPECTION", daysAgo: 850, km: 71200, description: "APK-keuring", lines: ["Goedgekeurd zonder reparaties"] },
          { kind: "SERVICE", daysAgo: 480, km: 84900, description: "Grote onderhoudsbeurt", lines: ["Distributieriem vervangen", "Motorolie en filters vervangen", "Bougies vervangen"] },
          { kind: "INSPECTION", daysAgo: 120, km: 96400, description: "APK-keuring", lines: ["Goedgekeurd", "Advies: remblokken voor vervangen binnen 5.000 km"] },
          { kind: "REPAIR", daysAgo: 35, km: 98150, description: "Remblokken voor vervangen", lines: [], workshopName: "Autoservice Van Dijk" },
        ],
        contracts: [
          { product: "CONNECT", durationMonths: 60, autoRenew: true },
          // Ends within 30 days without renewal: the owner has been told (inbox) and can turn renewal on.
          { product: "ROADSIDE", durationMonths: 12, autoRenew: false, endsInDays: 20 },
        ],
      },
      {
        holder: belgian(ownerFr),
        vin: "WP1ZZZ959MLB40731",
        make: "Porsche",
        model: "Macan",
        modelYear: 2021,
        fuel: "PETROL" as const,
        mileageKm: 48300,
        plate: "1XKP482",
        startedMonthsAgo: 20,
        history: [
          { kind: "SERVICE", daysAgo: 560, km: 21800, description: "Entretien annuel", lines: ["Huile moteur et filtre à huile remplacés", "Filtre d’habitacle remplacé"] },
          { kind: "INSPECTION", daysAgo: 300, km: 33100, description: "Contrôle technique périodique", lines: ["Approuvé sans remarque"] },
          { kind: "SERVICE", daysAgo: 60, km: 47900, description: "Grand entretien", lines: ["Huile moteur et filtres remplacés", "Bougies remplacées", "Liquide de frein remplacé"] },
        ],
        contracts: [
          { product: "CONNECT", durationMonths: 36, autoRenew: true },
          { product: "WARRANTY_PLUS", durationMonths: 24, autoRenew: false },
        ],
      },
      {
        holder: belgian(ownerBe),
        vin: "WVWZZZCD3PW208154",
        make: "Volkswagen",
        model: "Golf",
        modelYear: 2023,
        fuel: "PETROL" as const,
        mileageKm: 23650,
        plate: "2GLF317",
        startedMonthsAgo: 12,
        history: [
          { kind: "SERVICE", daysAgo: 340, km: 15, description: "Afleveringsinspectie", lines: ["Wagen nagekeken voor aflevering"] },
          { kind: "SERVICE", daysAgo: 45, km: 23400, description: "Jaarlijks onderhoud", lines: ["Motorolie en oliefilter vervangen", "Ruitenwissers vervangen"] },
        ],
        contracts: [{ product: "ROADSIDE", durationMonths: 24, autoRenew: true }],
      },
    ];
    for (const c of cars) {
      const vehicle = await tx.vehicle.upsert({
        where: { vin: c.vin },
        update: {},
        create: { vin: c.vin, make: c.make, model: c.model, modelYear: c.modelYear, fuel: c.fuel, mileageKm: c.mileageKm },
        select: { id: true, _count: { select: { holdings: true, plates: true, serviceRecords: true } } },
      });
      const startedAt = monthsBefore(now, c.startedMonthsAgo);
      if (vehicle._count.plates === 0) {
        await tx.licencePlate.create({ data: { vehicleId: vehicle.id, country: c.holder.plateCountry, plate: c.plate, validFrom: startedAt } });
      }
      if (vehicle._count.holdings === 0) {
        const holding = await tx.holding.create({
          data: { vehicleId: vehicle.id, kind: "OWNER", userId: c.holder.owner.id, origin: "INVITATION", linkedByOrganisationId: c.holder.dealer.id, startedAt, nickname: c.nickname ?? null },
          select: { id: true },
        });
        for (const k of c.contracts) {
          await tx.contract.create({
            data: {
              vehicleId: vehicle.id,
              holdingId: holding.id,
              providerId: c.holder.dealer.id,
              product: k.product,
              durationMonths: k.durationMonths,
              autoRenew: k.autoRenew,
              status: "ACTIVE",
              ...(k.endsInDays !== undefined
                ? { ...contractPeriod(addMonths(addDays(now, k.endsInDays), -k.durationMonths), k.durationMonths), endingNoticeSentAt: now }
                : contractPeriod(startedAt, k.durationMonths)),
            },
          });
        }
        await tx.auditLog.create({
          data: {
            actorUserId: c.holder.dealerStaff.id,
            actorOrganisationId: c.holder.dealer.id,
            actorRole: "dealer:admin",
            action: "vehicle.linked",
            entityType: "Holding",
            entityId: holding.id,
            vehicleId: vehicle.id,
            subjectUserId: c.holder.owner.id,
            at: startedAt,
          },
        });
      }
      if (vehicle._count.serviceRecords === 0) {
        // A short maintenance record with mileage, so the dossier shows at once: the dealer's work
        // and one entry the owner reported. Each recorded the day after the work (never late).
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
              ...(h.workshopName
                ? { source: "OWNER" as const, recordedById: c.holder.owner.id, workshopName: h.workshopName }
                : { source: "WORKSHOP" as const, organisationId: c.holder.dealer.id, recordedById: c.holder.dealerStaff.id }),
              createdAt: new Date(performedAt.getTime() + DAY + 10 * 3600_000),
            },
          });
        }
      }
    }
    // One appointment request of the demo owner at the demo dealer (docs/decisions/0026), so the
    // console's work list and the appointments pages show something: next week, 09:00 or 14:00.
    const firstCar = await tx.vehicle.findUniqueOrThrow({ where: { vin: cars[0]!.vin }, select: { id: true, _count: { select: { appointments: true } } } });
    if (firstCar._count.appointments === 0) {
      // today() is 00:00 UTC of today in Amsterdam: 08:00 UTC is 09:00 or 10:00 there.
      const at = (days: number, utcHour: number) => new Date(today().getTime() + days * DAY + utcHour * 3600_000);
      await tx.appointment.create({
        data: {
          vehicleId: firstCar.id,
          userId: owner.id,
          organisationId: dealer.id,
          reason: "SERVICE",
          note: "Graag ook de remmen laten nakijken.",
          preferredTimes: [at(7, 8), at(8, 13)],
        },
      });
    }
    await seedCarCare(tx, { ownerId: owner.id, dealerId: dealer.id, dealerStaffId: dealerStaff.id, supportEmail: "support@demo.autodossier.test", vin: cars[0]!.vin, startedMonthsAgo: cars[0]!.startedMonthsAgo, now });
    await seedInbox(tx, owner.id, now);
    await seedHandovers(tx, { sellerId: seller.id, buyerId: buyer.id, dealerId: dealer.id, dealerStaffId: dealerStaff.id, now });
    await seedPassports(tx);
  }, { timeout: 60_000 });
  log("demo world seeded");
}

/**
 * The demo owner's inbox (lib/messages/leave.ts), once: how each car came to the garage (read),
 * the notice of the contract ending within 30 days (unread) and the end of an older car's link
 * (unread), so the navigation shows a count at once.
 */
async function seedInbox(tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0], ownerId: string, now: Date): Promise<void> {
  // Its own kinds only: the car-care seed leaves the owner a recall message of its own first.
  if ((await tx.message.count({ where: { userId: ownerId, kind: { in: ["vehicle_linked", "contract_ending", "ownership_ended"] } } })) > 0) return;
  const holdings = await tx.holding.findMany({
    where: { userId: ownerId, kind: "OWNER", endedAt: null },
    select: { vehicleId: true, startedAt: true, vehicle: { select: { make: true, model: true } }, contracts: { where: { status: "ACTIVE", NOT: { endingNoticeSentAt: null } }, select: { product: true, endsAt: true, durationMonths: true, autoRenew: true, endingNoticeSentAt: true } } },
    orderBy: { startedAt: "asc" },
  });
  for (const h of holdings) {
    const car = `${h.vehicle.make} ${h.vehicle.model}`;
    const link = `/garage/vehicles/${h.vehicleId}`;
    await tx.message.create({ data: { userId: ownerId, vehicleId: h.vehicleId, kind: "vehicle_linked", data: { car, link }, readAt: h.startedAt, createdAt: h.startedAt } });
    for (const c of h.contracts) {
      await tx.message.create({
        data: {
          userId: ownerId,
          vehicleId: h.vehicleId,
          kind: "contract_ending",
          data: { car, product: c.product, endsAt: c.endsAt!.toISOString(), months: c.durationMonths, renews: c.autoRenew ? "yes" : "no", link },
          createdAt: c.endingNoticeSentAt!,
        },
      });
    }
  }
  await tx.message.create({
    data: { userId: ownerId, kind: "ownership_ended", data: { car: "Volkswagen Golf", vin: "WVWZZZ1KZ8W000123" }, createdAt: addDays(now, -3) },
  });
}

/**
 * The seed's own sources, hashed: prisma/seed*.ts and prisma/demo-*.ts as they are on disk where
 * the server runs. Null where they are not there (a deployment without sources): then every
 * demo start seeds.
 */
export function demoSeedFingerprint(dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma")): string | null {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return null;
  const files = readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => /^(seed|demo-).*\.ts$/.test(f))
    .sort();
  if (!files.length) return null;
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f}\n`).update(readFileSync(/*turbopackIgnore: true*/ path.join(dir, f)));
  return hash.digest("hex");
}

/**
 * Seeds the demo world unless this database already holds the seed of these very sources: the
 * seed is idempotent but takes seconds on the embedded database, and a restart should answer
 * within a few (issue 15, goal 6). Returns whether it seeded.
 */
export async function seedDemoOnce(prisma: PrismaClient, log: (m: string) => void = () => {}, fingerprint = demoSeedFingerprint()): Promise<boolean> {
  if (fingerprint) {
    const done = await prisma.demoSeed.findUnique({ where: { id: 1 }, select: { fingerprint: true } });
    if (done?.fingerprint === fingerprint) return false;
  }
  await seedDemo(prisma, log);
  if (fingerprint) await prisma.demoSeed.upsert({ where: { id: 1 }, update: { fingerprint, seededAt: new Date() }, create: { id: 1, fingerprint } });
  return true;
}
