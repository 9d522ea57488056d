import "server-only";
import { database } from "../server/db";
import { log, runJob } from "../server/log";
import { isShuttingDown, onShutdown, whenIdle } from "../server/shutdown";
import { NODE_NAME, runIfDue } from "./lease";
import { DAILY_JOBS } from "./registry";

/**
 * Runs the daily jobs inside the server process (the embedded database admits one process only).
 * Every node ticks every few minutes; a job runs when its lease (lib/jobs/lease.ts) says an hour
 * has passed since its last run on any node, so several nodes run it once an hour between them.
 * Each job is idempotent, so hourly runs act on what became due since. One job's failure is
 * logged and does not stop the others.
 */
export const JOBS_INTERVAL_MS = 60 * 60_000;
const TICK_MS = 5 * 60_000;
const MAX_RUN_MS = 30 * 60_000;

const g = globalThis as unknown as { __jobs?: { timer: NodeJS.Timeout; running: boolean } };

/** One run of every job, now, on this node (tests, and the lease-holding tick). */
export async function runDailyJobs(now = new Date()): Promise<void> {
  for (const job of DAILY_JOBS) {
    await runJob(job.name, async () => {
      try {
        const counts = await job.run(now);
        if (Object.values(counts).some((n) => n > 0)) log.info(counts, `${job.name} run done`);
      } catch (e) {
        log.error({ err: e }, `${job.name} run failed`);
      }
    });
  }
}

async function tick(): Promise<void> {
  const s = g.__jobs;
  if (!s || s.running || isShuttingDown()) return;
  s.running = true;
  try {
    await runJob("daily-jobs", () =>
      runIfDue(database().prisma, { name: "daily-jobs", intervalMs: JOBS_INTERVAL_MS, maxRunMs: MAX_RUN_MS }, async () => {
        log.info({ node: NODE_NAME }, "scheduled run started");
        await runDailyJobs();
      }),
    );
  } finally {
    s.running = false;
  }
}

export function startJobsWorker(): void {
  if (g.__jobs) return;
  const timer = setInterval(() => void tick().catch((e) => log.error({ err: e }, "jobs run failed")), TICK_MS);
  timer.unref();
  g.__jobs = { timer, running: false };
  onShutdown("jobs", async () => {
    clearInterval(timer);
    await whenIdle(() => !!g.__jobs?.running);
  });
  void tick().catch((e) => log.error({ err: e }, "jobs run failed"));
}
