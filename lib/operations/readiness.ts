/**
 * Readiness for a load balancer (issue 16): is this node able to serve? The database answers,
 * every committed migration is applied (a node of a newer release started before the migration
 * ran is not ready), and the document storage can be reached. Each check has a time limit, so a
 * hanging dependency reads as not ready instead of holding the probe. Liveness is /api/health.
 * In demo mode a fourth check, `demo`, is "pending" until the background demo seed has finished
 * (docs/decisions/0042).
 */
import { database } from "../server/db";
import { demoSeedState } from "../server/demo-seed-state";
import { log } from "../server/log";
import { getDocumentStorage } from "../verification/storage";

export type Check = "ok" | "failed" | "timeout" | "pending";
export type Readiness = { ready: boolean; checks: { database: Check; migrations: Check; storage: Check; demo?: Check } };

const LIMIT_MS = 3_000;

async function check(name: string, fn: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), LIMIT_MS)));
  try {
    const out = await Promise.race([fn().then(() => "ok" as const), timeout]);
    if (out === "timeout") log.warn({ check: name, limitMs: LIMIT_MS }, "readiness check timed out");
    return out;
  } catch (e) {
    log.warn({ err: e, check: name }, "readiness check failed");
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(): Promise<Readiness> {
  const db = database();
  const [dbCheck, migrations, storage] = await Promise.all([
    check("database", () => db.prisma.$queryRaw`SELECT 1`),
    check("migrations", async () => {
      const pending = await db.pendingMigrations();
      if (pending.length) throw new Error(`${pending.length} migration(s) not applied: ${pending.slice(0, 3).join(", ")}`);
    }),
    check("storage", async () => {
      await getDocumentStorage().ready?.();
    }),
  ]);
  const demo = demoSeedState();
  const checks = { database: dbCheck, migrations, storage, ...(demo && { demo: demo === "done" ? ("ok" as const) : demo === "seeding" ? ("pending" as const) : ("failed" as const) }) };
  return { ready: Object.values(checks).every((c) => c === "ok"), checks };
}
