/**
 * Runs once when the server starts, before it serves a request: brings the database schema up
 * to date, seeds the demo world in demo mode, and starts the outbox sender. All of this lives in
 * the server process because the embedded database admits one process only.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database } = await import("./lib/server/db");
  const { env } = await import("./lib/server/env");
  const applied = await database().migrate((m) => console.log(`[db] ${m}`));
  if (applied.length) console.log(`[db] ${applied.length} migration(s) applied`);
  if (env.DEMO_MODE) {
    const { seedDemo } = await import("./prisma/seed-demo");
    await seedDemo(database().prisma, (m) => console.log(`[db] ${m}`));
  }
  const { startMailWorker } = await import("./lib/server/mail/worker");
  await startMailWorker();
  (await import("./lib/verification/purge-worker")).startPurgeWorker();
}
