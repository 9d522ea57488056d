/**
 * The demo world (npm start, npm run db:seed): seeding again changes nothing, and a database
 * seeded by an older version gets the demo accounts added since, each able to sign in.
 * Runs on a database of its own, so the demo rows never meet the other tests' data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/server/database";
import { verifyPassword } from "@/lib/server/password";
import { demoSeedFingerprint, seedDemo, seedDemoOnce } from "@/prisma/seed-demo";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/demo-accounts";
import { addMonths, today } from "@/lib/server/dates";
import { warrantyLeft } from "@/lib/recalls/warranty-left";
import { reminderDue } from "@/lib/maintenance/reminders";
import { buildHistory, loadEntries } from "@/lib/dossier/history";
import { sellerMayUndo } from "@/lib/handover/undo-accepted";
import { DEMO_HANDOVER_VINS } from "@/prisma/seed-handovers";

let database: Database;
let dropDatabase = async () => {};

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `seed_${Date.now().toString(36)}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const own = new URL(url);
    own.pathname = `/${name}`;
    database = openDatabase({ databaseUrl: own.toString(), dataDir: "unused" });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    database = openDatabase({ dataDir: "memory://" });
  }
  await database.migrate();
});

afterAll(async () => {
  await database?.close();
  await dropDatabase();
});

/** Every table's row count and a digest of its whole content. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await database.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await database.sql.query<{ n: string; digest: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table_name}" t`,
    );
    out[table_name] = `${row!.n}:${row!.digest ?? "-"}`;
  }
  return out;
}

describe("the demo seed", () => {
  it("creates the demo world, and seeding again changes nothing", async () => {
    await seedDemo(database.prisma);
    const first = await snapshot();
    expect(first.User).toMatch(new RegExp(`^${DEMO_ACCOUNTS.length}:`));
    expect(Number(first.Holding!.split(":")[0])).toBeGreaterThanOrEqual(2);
    expect(Number(first.Contract!.split(":")[0])).toBeGreaterThanOrEqual(2);
    await seedDemo(database.prisma);
    expect(await snapshot()).toEqual(first);
  });

  it("seeds contracts that end on the day their duration says (calendar months, decision 0013)", async () => {
    await seedDemo(database.prisma);
    const contracts = await database.prisma.contract.findMany({ select: { startsAt: true, endsAt: true, durationMonths: true } });
    expect(contracts.length).toBeGreaterThanOrEqual(2);
    for (const c of contracts) expect(c.endsAt).toEqual(addMonths(c.startsAt!, c.durationMonths));
  });

  it("gives the demo owner messages, some unread, and a contract ending within 30 days whose notice is in the inbox", async () => {
    await seedDemo(database.prisma);
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@demo.autodossier.test" } });
    const messages = await database.prisma.message.findMany({ where: { userId: owner.id } });
    expect(messages.filter((m) => m.readAt === null).length).toBeGreaterThanOrEqual(2);
    expect(messages.filter((m) => m.readAt !== null).length).toBeGreaterThanOrEqual(1);
    const now = Date.now();
    const ending = await database.prisma.contract.findMany({
      where: { status: "ACTIVE", holding: { is: { userId: owner.id } }, endsAt: { gt: new Date(now), lte: new Date(now + 30 * 86_400_000) } },
    });
    expect(ending).toHaveLength(1);
    // Told once already: the daily job does not send the notice again.
    expect(ending[0]!.endingNoticeSentAt).not.toBeNull();
    expect(messages.filter((m) => m.kind === "contract_ending" && m.vehicleId === ending[0]!.vehicleId)).toHaveLength(1);
  });

  it("every demo account signs in with the demo password, also one added after the first seed", async () => {
    // A database seeded before garage-b existed: the next seed adds it with a working password.
    const late = "garage-b@demo.autodossier.test";
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: late }, select: { id: true } });
    await database.prisma.membership.deleteMany({ where: { userId: user.id } });
    await database.prisma.user.delete({ where: { id: user.id } });
    await seedDemo(database.prisma);
    for (const { email } of DEMO_ACCOUNTS) {
      const u = await database.prisma.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true, status: true } });
      expect(u.status, email).toBe("ACTIVE");
      expect(await verifyPassword(DEMO_PASSWORD, u.passwordHash), email).toBe(true);
    }
    const back = await database.prisma.user.findUniqueOrThrow({ where: { email: late }, select: { memberships: { select: { organisationId: true, role: true } } } });
    expect(back.memberships).toEqual([{ organisationId: "demo-garage-b", role: "ADMIN" }]);
  });

  it("the demo owner's cars have a short maintenance record with a logical mileage line", async () => {
    await seedDemo(database.prisma);
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@demo.autodossier.test" }, select: { id: true } });
    const cars = await database.prisma.vehicle.findMany({ where: { holdings: { some: { userId: owner.id, endedAt: null } } }, select: { id: true, mileageKm: true } });
    expect(cars.length).toBeGreaterThanOrEqual(2);
    for (const car of cars) {
      const h = buildHistory(await loadEntries(database.prisma, car.id), { userId: owner.id, ownerId: owner.id, organisationIds: [], isOwner: true });
      expect(h.entries.length).toBeGreaterThanOrEqual(3);
      expect(h.entries.some((e) => e.reportedBy === "you")).toBe(true);
      expect(h.entries.some((e) => e.reportedBy === "workshop")).toBe(true);
      expect(h.mileage.verdict).toBe("logical");
      expect(h.mileage.latest?.km).toBe(car.mileageKm);
    }
  });

  it("the demo owner has named a car (docs/decisions/0029)", async () => {
    await seedDemo(database.prisma);
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@demo.autodossier.test" }, select: { id: true } });
    const named = await database.prisma.holding.findMany({ where: { userId: owner.id, kind: "OWNER", endedAt: null, nickname: { not: null } }, select: { nickname: true } });
    expect(named.map((h) => h.nickname)).toContain("De weekendauto");
  });
});

describe("the demo owner's car care (decision 0027)", () => {
  it("the first car has an open recall with its message, a factory warranty with time left, and a due service that is not yet reminded", async () => {
    await seedDemo(database.prisma);
    await seedDemo(database.prisma);
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@demo.autodossier.test" }, select: { id: true } });
    const car = await database.prisma.vehicle.findUniqueOrThrow({
      where: { vin: "WP0ZZZ99ZTS392124" },
      select: { id: true, mileageKm: true, recalls: true, warranties: true, maintenanceDue: true },
    });
    expect(car.recalls).toEqual([expect.objectContaining({ resolvedAt: null, code: "DEMO-24V-911" })]);
    expect(await database.prisma.message.count({ where: { userId: owner.id, kind: "recall_opened", vehicleId: car.id } })).toBe(1);
    expect(car.warranties).toEqual([expect.objectContaining({ kind: "FACTORY", maxKm: null })]);
    expect(warrantyLeft(car.warranties[0]!, today(), car.mileageKm).ended).toBe(false);
    expect(car.maintenanceDue).toEqual([expect.objectContaining({ status: "OPEN", reminderSentAt: null })]);
    expect(reminderDue(car.maintenanceDue[0]!, today(), car.mileageKm)).toBe(false);
  });
});

describe("the demo fleet (decision 0030)", () => {
  it("the demo fleet manager belongs to the garage's fleet account, which has a car with an inspection (decision 0030)", async () => {
    await seedDemo(database.prisma);
    const manager = await database.prisma.user.findUniqueOrThrow({ where: { email: "fleet@demo.autodossier.test" }, select: { memberships: { select: { organisationId: true } } } });
    expect(manager.memberships).toEqual([{ organisationId: "demo-fleet" }]);
    const cars = await database.prisma.passport.findMany({ where: { fleetAccountId: "demo-fleet" }, select: { garageId: true, costItems: true, vehicle: { select: { plates: true, serviceRecords: true } } } });
    expect(cars.map((c) => [c.garageId, c.vehicle.plates.map((p) => p.plate)])).toEqual([["demo-garage", ["ZR483K"]]]);
    expect(cars[0]!.vehicle.serviceRecords.map((r) => [r.kind, r.organisationId])).toEqual([["INSPECTION", "demo-garage"]]);
    expect(cars[0]!.costItems.length).toBeGreaterThan(0);
  });
});

describe("the demo handovers between owners (decision 0034)", () => {
  it("the buyer has a waiting handover from the seller in the inbox, and an accepted one, opened, that only support can undo", async () => {
    await seedDemo(database.prisma);
    const prisma = database.prisma;
    const seller = await prisma.user.findUniqueOrThrow({ where: { email: "seller@demo.autodossier.test" }, select: { id: true } });
    const buyer = await prisma.user.findUniqueOrThrow({ where: { email: "buyer@demo.autodossier.test" }, select: { id: true, email: true } });
    const waiting = await prisma.handover.findFirstOrThrow({ where: { vehicle: { vin: DEMO_HANDOVER_VINS.waiting } }, include: { contracts: true } });
    expect(waiting).toMatchObject({ status: "PENDING", sellerId: seller.id, buyerEmail: buyer.email, buyerId: null });
    expect(waiting.expiresAt.getTime()).toBeGreaterThan(Date.now() + 12 * 86_400_000);
    expect(await prisma.holding.count({ where: { id: waiting.sellerHoldingId, userId: seller.id, endedAt: null } })).toBe(1);
    expect(waiting.contracts.map((c) => c.moves).sort()).toEqual([false, true, true]);
    const offer = await prisma.message.findFirstOrThrow({ where: { userId: buyer.id, kind: "handover_offered" } });
    expect(offer).toMatchObject({ readAt: null, data: { handoverId: waiting.id, link: `/garage/handovers/${waiting.id}` } });

    const accepted = await prisma.handover.findFirstOrThrow({ where: { vehicle: { vin: DEMO_HANDOVER_VINS.accepted } }, include: { buyerHolding: true, sellerHolding: true } });
    expect(accepted).toMatchObject({ status: "ACCEPTED", sellerId: seller.id, buyerId: buyer.id });
    expect(accepted.buyerHolding).toMatchObject({ userId: buyer.id, endedAt: null, origin: "HANDOVER" });
    expect(accepted.sellerHolding).toMatchObject({ userId: seller.id, endReason: "SOLD" });
    expect(accepted.buyerOpenedAt).not.toBeNull();
    expect(Date.now() - accepted.decidedAt!.getTime()).toBeGreaterThan(48 * 3_600_000);
    expect(sellerMayUndo(accepted, new Date())).toBe(false);
    // Both parties' audit holds every step; the buyer's rows never the buyer's name the seller typed.
    const rows = await prisma.auditLog.findMany({ where: { entityType: "Handover", entityId: accepted.id } });
    expect(rows.map((r) => `${r.action}:${r.subjectUserId === seller.id ? "seller" : "buyer"}`).sort()).toEqual(
      ["handover.accepted:buyer", "handover.accepted:seller", "handover.buyer_opened:buyer", "handover.buyer_opened:seller", "handover.started:buyer", "handover.started:seller"],
    );
    for (const r of rows.filter((x) => x.subjectUserId === buyer.id)) expect(r.data).not.toHaveProperty("buyerName");
    // The car's history reads as logical with the odometer at sale, and its mileage is that reading.
    const car = await prisma.vehicle.findUniqueOrThrow({ where: { vin: DEMO_HANDOVER_VINS.accepted }, select: { id: true, mileageKm: true } });
    const history = buildHistory(await loadEntries(prisma, car.id), { userId: buyer.id, ownerId: buyer.id, organisationIds: [], isOwner: true });
    expect(history.mileage.verdict).toBe("logical");
    expect(history.mileage.latest?.km).toBe(car.mileageKm);
  });
});

describe("a demo start seeds only when the seed's sources changed", () => {
  it("hashes the seed's own files, and seeds again only for another hash", async () => {
    const fingerprint = demoSeedFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const prisma = database.prisma;
    await prisma.demoSeed.deleteMany();
    expect(await seedDemoOnce(prisma, () => {}, fingerprint)).toBe(true);
    expect((await prisma.demoSeed.findUniqueOrThrow({ where: { id: 1 } })).fingerprint).toBe(fingerprint);
    const logged: string[] = [];
    expect(await seedDemoOnce(prisma, (m) => logged.push(m), fingerprint)).toBe(false);
    expect(logged).toEqual([]);
    expect(await seedDemoOnce(prisma, (m) => logged.push(m), "0".repeat(64))).toBe(true);
    expect(logged).toContain("demo world seeded");
    expect((await prisma.demoSeed.findUniqueOrThrow({ where: { id: 1 } })).fingerprint).toBe("0".repeat(64));
  });

  it("seeds on every start where the sources are not there to hash", async () => {
    expect(demoSeedFingerprint("/nonexistent")).toBeNull();
    const logged: string[] = [];
    expect(await seedDemoOnce(database.prisma, (m) => logged.push(m), null)).toBe(true);
    expect(await seedDemoOnce(database.prisma, (m) => logged.push(m), null)).toBe(true);
  });
});
