import type { Instrumentation } from "next";

/**
 * Runs once when the server starts, before it serves a request: brings the database schema up
 * to date, starts seeding the demo world in demo mode (in the background), and starts the
 * outbox sender and the other workers. All of this lives in
 * the server process because the embedded database admits one process only.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database } = await import("./lib/server/db");
  const { env } = await import("./lib/server/env");
  const { log } = await import("./lib/server/log");
  const applied = await database().migrate((m) => log.info(m));
  if (applied.length) log.info({ count: applied.length }, "migrations applied");
  const startWorkers = async () => {
    const { startMailWorker } = await import("./lib/server/mail/worker");
    await startMailWorker();
    (await import("./lib/verification/purge-worker")).startPurgeWorker();
    (await import("./lib/jobs/worker")).startJobsWorker();
  };
  if (env.DEMO_MODE) {
    // Loud on purpose: anyone can sign in as the platform admin with the README's password.
    log.warn(
      { demoMode: true, appUrl: env.APP_URL, mailCatcher: !env.SMTP_URL },
      `DEMO MODE: demo accounts, a platform admin among them, with the password published in the README${env.SMTP_URL ? "" : "; every e-mail, reset links included, readable by anyone at /dev/mail"}. Not for real data.`,
    );
    // Seeded in the background (docs/decisions/0042): pages that read nothing answer meanwhile, a
    // query waits for the seed's open transaction (the embedded database runs one at a time), and
    // /api/ready says "pending" until the whole world is there. The workers start after it; a seed
    // that fails stops the server, as it did when the start waited for it.
    const { seedDemoOnce } = await import("./prisma/seed-demo");
    const { startAfterDemoSeed } = await import("./lib/server/demo-seed-state");
    const seed = seedDemoOnce(database().prisma, (m) => log.info(m)).then((seeded) => {
      if (!seeded) log.info("demo world already seeded by these seed sources");
    });
    startAfterDemoSeed(seed, startWorkers, (err, message) => log.fatal({ err }, message));
  } else {
    const { DEMO_ACCOUNTS } = await import("./prisma/demo-accounts");
    const left = await database().prisma.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, status: { not: "DISABLED" } } });
    // A database an earlier demo start seeded keeps those accounts and their published password.
    if (left) log.warn({ count: left }, "demo accounts exist in this database although demo mode is off: disable them (Console → Admin) or start on a fresh database");
    await startWorkers();
  }
}

/**
 * An error no code of ours caught while rendering a page or running a route handler or action:
 * one line with the request id, the route's pattern (not the path, which may hold a token from an
 * e-mail link) and the digest the browser sees.
 */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, requestIdFrom } = await import("./lib/server/log");
  const header = (name: string) => {
    const v = request.headers[name];
    return typeof v === "string" ? v : null;
  };
  log.error(
    {
      err,
      requestId: requestIdFrom({ get: header }),
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      digest: (err as { digest?: unknown } | null)?.digest,
    },
    "request failed",
  );
};
