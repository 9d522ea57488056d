/**
 * The portal's daily jobs (reminders, contract renewals, ...). Each job is idempotent: it works
 * out what is due from the database and marks what it did in the same transaction, so running it
 * twice, or on two servers at once, acts once. The worker (lib/jobs/worker.ts) runs every job
 * hourly, so a missed run (a restart) is made up within the hour; tests call a job directly with
 * the `now` they need.
 */
export type DailyJob = {
  /** Log name of the job. */
  name: string;
  /** One run; returns counts for the log line. */
  run: (now: Date) => Promise<Record<string, number>>;
};

/** Add a job here: one line, `{ name, run }`, importing lazily so start-up stays light. */
export const DAILY_JOBS: DailyJob[] = [
  { name: "maintenance-reminders", run: async (now) => (await import("../maintenance/reminders")).sendMaintenanceReminders(now) },
  { name: "contracts", run: async (now) => (await import("../contracts/run-contracts")).runContracts(now) },
  { name: "car-photos", run: async (now) => (await import("../car-face/photo")).purgeCarPhotos(now) },
  { name: "vin-disputes", run: async (now) => (await import("../disputes/lapse-disputes")).lapseDisputes(now) },
  { name: "retention", run: async (now) => (await import("../privacy/retention")).runRetention(now) },
];
