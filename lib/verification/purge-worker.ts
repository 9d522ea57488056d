import "server-only";
import { NODE_NAME, runIfDue } from "../jobs/lease";
import { database } from "../server/db";
import { log, runJob } from "../server/log";
import { isShuttingDown, onShutdown, whenIdle } from "../server/shutdown";
import { purgeDocuments } from "./purge-documents";

/**
 * Runs the purge job inside the server process (the embedded database admits one process only):
 * every node ticks each minute, and the purge runs when its lease (lib/jobs/lease.ts) says 15
 * minutes have passed since its last run on any node: once per interval across nodes. Overlapping
 * runs are skipped. See docs/decisions/0007.
 */
export const PURGE_INTERVAL_MS = 15 * 60_000;
const TICK_MS = 60_000;
const MAX_RUN_MS = 10 * 60_000;

const g = globalThis as unknown as { __purge?: { timer: NodeJS.Timeout; running: boolean } };

/** One purge run: every line it logs carries job "purge" and the run's jobId. */
const run = (): Promise<void> => runJob("purge", purge);

async function purge(): Promise<void> {
  const s = g.__purge;
  if (!s || s.running || isShuttingDown()) return;
  s.running = true;
  try {
    const lease = await runIfDue(database().prisma, { name: "purge", intervalMs: PURGE_INTERVAL_MS, maxRunMs: MAX_RUN_MS }, () => {
      log.info({ node: NODE_NAME }, "scheduled run started");
      return purgeDocuments();
    });
    if (!lease.ran) return;
    const r = lease.result;
    if (r.expired || r.deleted || r.failed || r.orphansDeleted || r.pendingUploadsCleared) {
      log.info({ expired: r.expired, deleted: r.deleted, pendingUploadsCleared: r.pendingUploadsCleared, orphansDeleted: r.orphansDeleted, failed: r.failed }, "purge run done");
    }
  } catch (e) {
    log.error({ err: e }, "purge run failed");
  } finally {
    s.running = false;
  }
}

export function startPurgeWorker(): void {
  if (g.__purge) return;
  const timer = setInterval(() => void run().catch((e) => log.error({ err: e }, "purge run failed")), TICK_MS);
  timer.unref();
  g.__purge = { timer, running: false };
  onShutdown("purge", async () => {
    clearInterval(timer);
    await whenIdle(() => !!g.__purge?.running);
  });
  void run().catch((e) => log.error({ err: e }, "purge run failed"));
}
