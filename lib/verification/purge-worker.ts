import "server-only";
import { log, runJob } from "../server/log";
import { purgeDocuments } from "./purge-documents";

/**
 * Runs the purge job inside the server process (the embedded database admits one process only):
 * once at start-up, then every 15 minutes. Overlapping runs are skipped. See docs/decisions/0007.
 */
export const PURGE_INTERVAL_MS = 15 * 60_000;

const g = globalThis as unknown as { __purge?: { timer: NodeJS.Timeout; running: boolean } };

/** One purge run: every line it logs carries job "purge" and the run's jobId. */
const run = (): Promise<void> => runJob("purge", purge);

async function purge(): Promise<void> {
  const s = g.__purge;
  if (!s || s.running) return;
  s.running = true;
  try {
    const r = await purgeDocuments();
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
  const timer = setInterval(() => void run().catch((e) => log.error({ err: e }, "purge run failed")), PURGE_INTERVAL_MS);
  timer.unref();
  g.__purge = { timer, running: false };
  void run().catch((e) => log.error({ err: e }, "purge run failed"));
}
