/**
 * Faults: the database connection killed in the middle of a transaction. A second connection
 * holds a lock on the outbox table (each of these use cases queues its e-mail last, after all its
 * other writes), so the app's transaction stops just before its last write; then that backend is
 * killed with pg_terminate_backend, as a crashed connection or a restarted database would. The
 * change must be all or nothing (no row written in any table, tests/support/row-fingerprint.ts),
 * the caller must get the generic error, and the next attempt must succeed, exactly once.
 *
 * Only on PostgreSQL: the embedded database (PGlite) runs inside this process over no connection
 * at all, so there is no backend to kill; those runs skip this file.
 */
import "@/tests/support/own-database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { removeVehicleAction } from "@/lib/linking/actions";
import { acceptTransferAction } from "@/lib/passports/actions";
import { approveVerificationAction } from "@/lib/verification/actions";
import { callAction } from "@/tests/support/request-scope";
import { changedTables, rowFingerprint } from "@/tests/support/row-fingerprint";
import { ENTRIES, type ActionEntry } from "@/tests/support/surface";
import { callerFor, createWorld, type World } from "@/tests/support/world";

const onPostgres = !!process.env.DATABASE_URL;
const figures = { killed: 0, partial: 0, retriesSucceeded: 0 };
let world: World;
let locker: pg.Client;

beforeAll(async () => {
  if (!onPostgres) return;
  world = await createWorld();
  locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await locker.connect();
}, 120_000);

afterAll(async () => {
  await locker?.end();
  if (onPostgres) console.log(`[proof] faults, database: ${figures.killed} transactions killed mid-way, ${figures.partial} left partial changes, ${figures.retriesSucceeded} retries succeeded`);
});

/** Waits until a backend of this database other than the locker waits on a lock; returns its pid. */
async function blockedBackend(): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const r = await locker.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' LIMIT 1`,
    );
    if (r.rows[0]) return r.rows[0].pid;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error("the use case never reached the locked table");
}

type AnyAction = (prev: unknown, input: never) => Promise<unknown>;
const cases: [string, string, AnyAction][] = [
  ["removing a car", "lib/linking/actions.ts#removeVehicleAction", removeVehicleAction],
  ["accepting a transfer", "lib/passports/actions.ts#acceptTransferAction", acceptTransferAction],
  ["approving a verification request", "lib/verification/actions.ts#approveVerificationAction", approveVerificationAction],
];

describe.skipIf(!onPostgres)("the database connection killed mid-transaction (PostgreSQL only: PGlite has no connection to kill)", () => {
  it.each(cases)("%s: all or nothing, and the next attempt succeeds", async (_what, key, action) => {
    const entry = ENTRIES[key] as ActionEntry;
    const { input } = await entry.setup(world);
    const caller = await callerFor(world, entry.by!);

    const before = await rowFingerprint();
    await locker.query("BEGIN");
    await locker.query(`LOCK TABLE "OutboxEmail" IN EXCLUSIVE MODE`);
    const attempt = callAction(caller, action, input);
    const pid = await blockedBackend();
    const killed = await locker.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [pid]);
    expect(killed.rows[0].ok).toBe(true);
    figures.killed++;
    const out = await attempt;
    await locker.query("ROLLBACK");

    expect(out).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    const partial = changedTables(before, await rowFingerprint());
    if (partial.length) figures.partial++;
    expect(partial, "rows written by the killed transaction").toEqual([]);

    const outboxBefore = await db.outboxEmail.count();
    const retry = await callAction(caller, action, input);
    expect(retry, JSON.stringify(retry)).toMatchObject({ ok: true });
    figures.retriesSucceeded++;
    expect(await db.outboxEmail.count()).toBeGreaterThan(outboxBefore);
    // Once only: the same call again is refused and writes nothing.
    const again = await rowFingerprint();
    expect(await callAction(caller, action, input)).toMatchObject({ ok: false });
    expect(changedTables(again, await rowFingerprint())).toEqual([]);
  }, 60_000);
});
