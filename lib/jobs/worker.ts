import "server-only";
import { log, runJob } from "../server/log";
import { DAILY_JOBS } from "./registry";

/**
 * Runs the daily jobs inside the server process (the embedded database admits one process only):
 * once at start-up, then hourly. Overlapping runs are skipped; one job's failure is logged and
 * does not stop the others.
 */
export const JOBS_INTERVAL_MS = 60 * 60_000;

const g = globalThis as unknown as { __jobs?: { timer: NodeJS.Timeout; running: boolean } };

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
  if (!s || s.running) return;
  s.running = true;
  try {
    await runDailyJobs();
  } finally {
    s.running = false;
  }
}

export function startJobsWorker(): void {
  if (g.__jobs) return;
  const timer = setInterval(() => void tick(), JOBS_INTERVAL_MS);
  timer.unref();
  g.__jobs = { timer, running: false };
  void tick();
}
