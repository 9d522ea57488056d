import type { Instrumentation } from "next";

/**
 * Runs once when the server starts, before it serves a request: brings the database schema up
 * to date, seeds the demo world in demo mode, and starts the outbox sender. All of this lives in
 * the server process because the embedded database admits one process only.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database } = await import("./lib/server/db");
  const { env } = await import("./lib/server/env");
  const { log } = await import("./lib/server/log");
  const applied = await database().migrate((m) => log.info(m));
  if (applied.length) log.info({ count: applied.length }, "migrations applied");
  if (env.DEMO_MODE) {
    const { seedDemo } = await import("./prisma/seed-demo");
    await seedDemo(database().prisma, (m) => log.info(m));
  }
  const { startMailWorker } = await import("./lib/server/mail/worker");
  await startMailWorker();
  (await import("./lib/verification/purge-worker")).startPurgeWorker();
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
