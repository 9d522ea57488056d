/**
 * `npm run bench`: how the garage's stock list (AutoPaspoorts, newest first, 25 a page, search by
 * plate, VIN, make or model) scales with the size of the garage's stock.
 *
 * One database holds two garages side by side, a small one (SMALL passports) and a large one
 * (LARGE passports), so both are measured in the same run, on the same machine state, with the
 * same planner statistics. What matters is the ratio large/small per query: near 1 means the
 * query reads a page, not the stock; near LARGE/SMALL means it scans everything.
 *
 * Then issue 15's goals 3 and 4 (decision 0038): the console's vehicle search over 1,000 and over
 * --vehicles N linked cars (bench/search-scale.ts), and removal, invitation acceptance and transfer
 * acceptance at 20 concurrent callers against the baseline's one-row action (bench/concurrency.ts).
 *
 * Embedded database by default (an in-memory PGlite); with DATABASE_URL, a fresh database on that
 * server, dropped afterwards. Options: --small N --large N --rounds N (passport queries);
 * --vehicles N (default 1,000,000 on PostgreSQL, 100,000 embedded), --samples N (40, searches per
 * size); --callers-rounds N (3, rounds of 20 concurrent calls); --only passports|search|concurrency
 * (comma-separated; all by default); --try-indexes (PostgreSQL: after the search's measurement, builds
 * the indexes bench/search-scale.ts proposes and measures again).
 */
import { randomBytes, randomInt } from "node:crypto";
import pg from "pg";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SMALL = arg("small", 100);
const LARGE = arg("large", 5000);
const ROUNDS = arg("rounds", 30);
const ONLY = (process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1]! : "passports,search,concurrency").split(",");
const VEHICLES = arg("vehicles", process.env.DATABASE_URL ? 1_000_000 : 100_000);
const SAMPLES = arg("samples", 40);
const CALLER_ROUNDS = arg("callers-rounds", 3);

let dropDb = async () => {};
if (process.env.DATABASE_URL) {
  const base = new URL(process.env.DATABASE_URL);
  const name = `bench_run_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const adminUrl = process.env.DATABASE_URL;
  base.pathname = `/${name}`;
  process.env.DATABASE_URL = base.toString();
  dropDb = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
} else {
  process.env.DATA_DIR = "memory://";
}
process.env.AUTH_SECRET ??= "bench-secret-0123456789abcdef0123456789";

const { database, db } = await import("../lib/server/db");
const { listPassports } = await import("../lib/passports/queries/stock-list");
type Actor = import("../lib/server/authz").Actor;

const CONSONANTS = "BDFGHJKLMNPRSTVWXZ";
const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const MODELS: [string, string][] = [
  ["Volkswagen", "Golf"],
  ["Volkswagen", "Polo"],
  ["Toyota", "Yaris"],
  ["Kia", "Niro"],
  ["Peugeot", "208"],
  ["Renault", "Clio"],
  ["Skoda", "Octavia"],
  ["Tesla", "Model 3"],
];
const letters = (n: number) => Array.from({ length: n }, () => CONSONANTS[randomInt(CONSONANTS.length)]).join("");
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join("");
const vin = () => "WVW" + "ZZZ" + Array.from(randomBytes(11), (b) => VIN_CHARS[b % VIN_CHARS.length]).join("");

async function seedGarage(label: string, count: number): Promise<{ actor: Actor; plate: string; vin: string }> {
  const garage = await db.organisation.create({ data: { name: `Bench garage ${label}`, kind: "GARAGE", country: "NL" } });
  const user = await db.user.create({ data: { email: `bench-${label}-${randomBytes(4).toString("hex")}@example.test`, firstName: "Bench", lastName: label, status: "ACTIVE" } });
  await db.membership.create({ data: { userId: user.id, organisationId: garage.id, role: "ADMIN" } });
  let sample = { plate: "", vin: "" };
  const t0 = Date.now() - count * 60_000;
  for (let from = 0; from < count; from += 500) {
    const n = Math.min(500, count - from);
    const rows = Array.from({ length: n }, (_, i) => {
      const [make, model] = MODELS[randomInt(MODELS.length)]!;
      return { id: `bv${label}${from + i}${randomBytes(4).toString("hex")}`, vin: vin(), make, model, modelYear: 2015 + randomInt(10), plate: `${letters(2)}${digits(3)}${letters(1)}`, at: new Date(t0 + (from + i) * 60_000) };
    });
    await db.$transaction(async (tx) => {
      await tx.vehicle.createMany({ data: rows.map((r) => ({ id: r.id, vin: r.vin, make: r.make, model: r.model, modelYear: r.modelYear })) });
      await tx.licencePlate.createMany({ data: rows.map((r) => ({ vehicleId: r.id, plate: r.plate, country: "NL" as const })) });
      await tx.holding.createMany({ data: rows.map((r) => ({ vehicleId: r.id, kind: "STOCK" as const, organisationId: garage.id, origin: "STOCK" as const, startedAt: r.at })) });
      await tx.passport.createMany({ data: rows.map((r) => ({ vehicleId: r.id, garageId: garage.id, createdById: user.id, createdAt: r.at })) });
    });
    sample = { plate: rows[Math.floor(n / 2)]!.plate, vin: rows[Math.floor(n / 2)]!.vin };
  }
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: "Bench",
    locale: "nl",
    platformRole: "NONE",
    sessionId: null,
    memberships: [{ organisationId: garage.id, organisationName: garage.name, kind: "GARAGE", role: "ADMIN" }],
  };
  return { actor, ...sample };
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

try {
  await database().migrate();
  if (ONLY.includes("passports")) await passports();
  if (ONLY.includes("search")) await (await import("./search-scale")).searchScale({ vehicles: VEHICLES, samples: SAMPLES, embedded: !process.env.DATABASE_URL, tryIndexes: process.argv.includes("--try-indexes") });
  if (ONLY.includes("concurrency")) await (await import("./concurrency")).concurrency({ rounds: CALLER_ROUNDS });
} finally {
  await database().close();
  // After the concurrency part a pooled connection can outlive close(); the forced drop then ends
  // it and its pool reports that as an unhandled error. Expected here, and only here.
  process.on("uncaughtException", (e: Error & { code?: string }) => {
    if (e.code !== "57P01") throw e;
  });
  await dropDb();
}

async function passports() {
  const seedStart = Date.now();
  const small = await seedGarage("small", SMALL);
  const large = await seedGarage("large", LARGE);
  console.log(`${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}; seeded ${SMALL} + ${LARGE} passports in ${((Date.now() - seedStart) / 1000).toFixed(1)} s; median of ${ROUNDS} rounds`);
  await db.$executeRawUnsafe("ANALYZE");

  const cases: [string, (g: { actor: Actor; plate: string; vin: string }) => Promise<unknown>][] = [
    ["first page, newest first", (g) => listPassports(g.actor)],
    ["third page (cursor)", async (g) => {
      const p1 = await listPassports(g.actor);
      const p2 = await listPassports(g.actor, { cursor: p1.nextCursor });
      return listPassports(g.actor, { cursor: p2.nextCursor });
    }],
    ["search: model 'golf'", (g) => listPassports(g.actor, { q: "golf" })],
    ["search: a plate with dashes", (g) => listPassports(g.actor, { q: `${g.plate.slice(0, 2)}-${g.plate.slice(2, 5)}-${g.plate.slice(5)}` })],
    ["search: a whole VIN", (g) => listPassports(g.actor, { q: g.vin })],
    ["search: a complete plate not in stock (exact, then substring)", (g) => listPassports(g.actor, { q: "BDF-123" })],
    ["customers view (transferred)", (g) => listPassports(g.actor, { view: "customers" })],
  ];
  console.log(`\n| query | ${SMALL} passports | ${LARGE} passports | ratio |`);
  console.log("| --- | ---: | ---: | ---: |");
  for (const [name, fn] of cases) {
    // Interleave so both sizes see the same machine state.
    const s = await median(() => fn(small));
    const l = await median(() => fn(large));
    console.log(`| ${name} | ${s.toFixed(2)} ms | ${l.toFixed(2)} ms | ${(l / s).toFixed(2)}× |`);
  }
}
