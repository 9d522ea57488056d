/**
 * Issue 15, goal 4: removal of a car (lib/linking/remove-vehicle.ts), acceptance of a dealer's
 * invitation (lib/linking/accept-invitation.ts) and acceptance of a garage's transfer
 * (lib/passports/accept-transfer.ts) at 20 concurrent callers, through the real use cases:
 *
 * - p95 with 20 callers on 20 distinct records prepared beforehand, against the baseline app's
 *   one-row server action (`increment`: an interactive transaction upserting one counter row, all
 *   callers on the same row) written out on a table of the bench's own, through the same Prisma
 *   client in the same process, so that both sides pay the same (no HTTP on either);
 * - exactly once: 20 callers on one record, one succeeds, 19 are refused, one change stored.
 */
import { randomInt } from "node:crypto";
import type { Actor } from "../lib/server/authz";

export const CALLERS = 20;

function p95(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

const CONSONANTS = "BDFGHJKLMNPRSTVWXZ";
/** A Dutch plate of sidecode 9; never "SS" or "SD", which the RDW never issues (lib/server/plate.ts). */
function plate(): string {
  for (;;) {
    const p = `${CONSONANTS[randomInt(18)]}${CONSONANTS[randomInt(18)]}-${String(randomInt(1000)).padStart(3, "0")}-${CONSONANTS[randomInt(18)]}`;
    if (!/^S[SD]/.test(p)) return p;
  }
}

/** Times each of `calls` started at once; resolves with their latencies (ms) and outcomes. */
async function together(calls: (() => Promise<unknown>)[]) {
  return Promise.all(
    calls.map(async (call) => {
      const t = process.hrtime.bigint();
      const outcome = await call().then(
        () => "ok" as const,
        (e: unknown) => e,
      );
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, outcome };
    }),
  );
}

export async function concurrency(opts: { rounds: number }) {
  const { db } = await import("../lib/server/db");
  const { AppError } = await import("../lib/server/errors");
  const { removeVehicle } = await import("../lib/linking/remove-vehicle");
  const { inviteBuyer } = await import("../lib/linking/invite-buyer");
  const { acceptInvitation } = await import("../lib/linking/accept-invitation");
  const { createPassport } = await import("../lib/passports/create-passport");
  const { confirmTransfer } = await import("../lib/passports/confirm-transfer");
  const { acceptTransfer } = await import("../lib/passports/accept-transfer");
  const f = await import("../tests/factories/index");

  const dealerOrg = await f.createOrganisation("DEALER");
  const dealerUser = await f.createUser();
  await f.createMembership(dealerUser.id, dealerOrg.id, "ADMIN");
  const dealer = await f.actorFor(dealerUser.id);
  const garageOrg = await f.createOrganisation("GARAGE");
  await f.createOrganisation("FLEET", garageOrg.id);
  const garageUser = await f.createUser();
  await f.createMembership(garageUser.id, garageOrg.id, "ADMIN");
  const garage = await f.actorFor(garageUser.id);

  /** An owner (as an actor) holding a car, with one active contract. */
  async function ownedCar(): Promise<{ actor: Actor; vehicleId: string }> {
    const owner = await f.createUser();
    const vehicle = await f.createVehicle();
    const holding = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: dealerOrg.id } });
    await db.contract.create({ data: { vehicleId: vehicle.id, holdingId: holding.id, product: "CONNECT", durationMonths: 12, status: "ACTIVE", autoRenew: true, startsAt: new Date(), endsAt: new Date(Date.now() + 300 * 86_400_000) } });
    return { actor: await f.actorFor(owner.id), vehicleId: vehicle.id };
  }
  /** A buyer with an account (as an actor) and the token of the dealer's invitation e-mailed to them. */
  async function invitation(): Promise<{ actor: Actor; token: string; vehicleId: string }> {
    const buyer = await f.createUser();
    const { invitationId } = await inviteBuyer({
      actor: dealer,
      organisationId: dealerOrg.id,
      vin: f.makeVin(),
      make: "Porsche",
      model: "Taycan",
      modelYear: 2026,
      fuel: "ELECTRIC",
      plateCountry: "NL",
      email: buyer.email,
      locale: "en",
      contracts: [{ product: "CONNECT", months: 36, autoRenew: true }],
    });
    const inv = await db.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { vehicleId: true } });
    const mail = (await f.outboxFor(buyer.email)).filter((m) => m.template === "invitation").at(-1)!;
    return { actor: await f.actorFor(buyer.id), token: f.tokenFromPayload(mail.payload), vehicleId: inv.vehicleId };
  }
  /** A passport in the garage's stock, its transfer confirmed to a buyer with an account (as an actor). */
  async function transfer(): Promise<{ actor: Actor; transferId: string; vehicleId: string }> {
    const buyer = await f.createUser();
    const { passportId } = await createPassport({ actor: garage, garageId: garageOrg.id, plate: plate(), vin: f.makeVin(), make: "Honda", model: "Civic", modelYear: 2019 });
    const { transferId } = await confirmTransfer({ actor: garage, passportId, name: "Bram Buyer", street: "Kerkstraat 1", postalCode: "3511 AB", city: "Utrecht", email: buyer.email, locale: "nl" });
    const p = await db.passport.findUniqueOrThrow({ where: { id: passportId }, select: { vehicleId: true } });
    return { actor: await f.actorFor(buyer.id), transferId, vehicleId: p.vehicleId };
  }

  // The baseline's `increment` action (src/app/actions.ts), on a table of the bench's own.
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS bench_counter (id text PRIMARY KEY, value integer NOT NULL DEFAULT 0)`);
  const increment = () =>
    db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO bench_counter (id, value) VALUES ('clicks', 1) ON CONFLICT (id) DO UPDATE SET value = bench_counter.value + 1`);
    });

  const cases = {
    removal: { prepare: ownedCar, call: (r: Awaited<ReturnType<typeof ownedCar>>) => removeVehicle({ actor: r.actor, vehicleId: r.vehicleId, understood: true }) },
    "invitation acceptance": { prepare: invitation, call: (r: Awaited<ReturnType<typeof invitation>>) => acceptInvitation({ actor: r.actor, token: r.token }) },
    "transfer acceptance": { prepare: transfer, call: (r: Awaited<ReturnType<typeof transfer>>) => acceptTransfer({ actor: r.actor, transferId: r.transferId }) },
  } as const;

  // Warm-up: each path once, so the first round does not time module loading and query compiling.
  for (const c of Object.values(cases)) {
    const r = await (c.prepare as () => Promise<unknown>)();
    await (c.call as (r: unknown) => Promise<unknown>)(r);
  }
  await increment();

  const latencies = new Map<string, number[]>([["baseline one-row action", []], ...Object.keys(cases).map((k) => [k, []] as [string, number[]])]);
  for (let round = 0; round < opts.rounds; round++) {
    for (const [name, c] of Object.entries(cases)) {
      const records: unknown[] = [];
      for (let k = 0; k < CALLERS; k++) records.push(await (c.prepare as () => Promise<unknown>)());
      const res = await together(records.map((r) => () => (c.call as (r: unknown) => Promise<unknown>)(r)));
      const failed = res.filter((x) => x.outcome !== "ok");
      if (failed.length) throw new Error(`${name}: ${failed.length} of ${CALLERS} callers on distinct records failed: ${String(failed[0]!.outcome)}`);
      latencies.get(name)!.push(...res.map((x) => x.ms));
      const base = await together(Array.from({ length: CALLERS }, () => increment));
      latencies.get("baseline one-row action")!.push(...base.map((x) => x.ms));
    }
  }
  const baseP95 = p95(latencies.get("baseline one-row action")!);

  // Exactly once: 20 callers on one record.
  const once = new Map<string, { succeeded: number; refused: string; stored: number; pass: boolean }>();
  for (const [name, c] of Object.entries(cases)) {
    const r = (await (c.prepare as () => Promise<unknown>)()) as { vehicleId: string };
    const res = await together(Array.from({ length: CALLERS }, () => () => (c.call as (r: unknown) => Promise<unknown>)(r)));
    const succeeded = res.filter((x) => x.outcome === "ok").length;
    const codes = new Map<string, number>();
    let unexpected = 0;
    for (const x of res) {
      if (x.outcome === "ok") continue;
      if (x.outcome instanceof AppError) codes.set(`${x.outcome.code} ${x.outcome.messageKey}`, (codes.get(`${x.outcome.code} ${x.outcome.messageKey}`) ?? 0) + 1);
      else unexpected++;
    }
    // What must exist exactly once afterwards.
    const stored =
      name === "removal"
        ? await db.holding.count({ where: { vehicleId: r.vehicleId, kind: "OWNER", endReason: "REMOVED" } })
        : await db.holding.count({ where: { vehicleId: r.vehicleId, kind: "OWNER", endedAt: null } });
    const refused = [...codes].map(([k, n]) => `${n}× ${k}`).join(", ") + (unexpected ? `, ${unexpected}× unexpected error` : "");
    once.set(name, { succeeded, refused, stored, pass: succeeded === 1 && unexpected === 0 && stored === 1 });
  }

  console.log(`\nGoal 4: ${CALLERS} concurrent callers, ${opts.rounds} rounds (${opts.rounds * CALLERS} calls each); baseline: its one-row server action's transaction (upsert of one counter row) on the same client, in process`);
  console.log(`\n| use case | p95 | baseline p95 | ratio | goal ≤ 2× | ${CALLERS} callers on one record | exactly once |`);
  console.log("| --- | ---: | ---: | ---: | --- | --- | --- |");
  const rows = [];
  for (const name of Object.keys(cases)) {
    const p = p95(latencies.get(name)!);
    const o = once.get(name)!;
    rows.push({ name, p95: p, baselineP95: baseP95, ratio: p / baseP95, ...o });
    console.log(`| ${name} | ${p.toFixed(1)} ms | ${baseP95.toFixed(1)} ms | ${(p / baseP95).toFixed(2)}× | ${p / baseP95 <= 2 ? "pass" : "FAIL"} | ${o.succeeded} succeeded; ${o.refused}; ${o.stored} stored | ${o.pass ? "pass" : "FAIL"} |`);
  }
  return rows;
}
