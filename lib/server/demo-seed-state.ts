/**
 * Where this process's demo seed stands. In demo mode the server seeds the demo world in the
 * background once its schema is current (instrumentation.ts, docs/decisions/0042), so pages that
 * read nothing answer at once. /api/ready reports "pending" until the whole world is there, and a
 * sign-in waits for it (the demo accounts may not exist yet). Kept on globalThis: the
 * instrumentation hook and the route handlers are separate bundles.
 */
export type DemoSeedState = "seeding" | "done" | "failed";

type Tracked = { state: DemoSeedState; settled: Promise<void> };
const g = globalThis as { __autodossierDemoSeed?: Tracked };

/** Follows a seed that has started; undefined stops following (tests). */
export function trackDemoSeed(seed: Promise<unknown> | undefined): void {
  if (!seed) {
    g.__autodossierDemoSeed = undefined;
    return;
  }
  const tracked: Tracked = {
    state: "seeding",
    settled: seed.then(
      () => void (tracked.state = "done"),
      () => void (tracked.state = "failed"),
    ),
  };
  g.__autodossierDemoSeed = tracked;
}

/** Undefined when this process seeds no demo world (demo mode off, or not the server). */
export function demoSeedState(): DemoSeedState | undefined {
  return g.__autodossierDemoSeed?.state;
}

/** Resolves once a demo seed this process runs has ended, at once when there is none. */
export async function demoSeedSettled(): Promise<void> {
  await g.__autodossierDemoSeed?.settled;
}

/**
 * The server's start in demo mode (instrumentation.ts): follows the seed, then starts the workers;
 * a seed or a worker start that fails stops the process, as it did when the start waited for the
 * seed. Here rather than in instrumentation.ts, which Next also compiles for the Edge runtime.
 */
export function startAfterDemoSeed(
  seed: Promise<unknown>,
  startWorkers: () => Promise<void>,
  fatal: (err: unknown, message: string) => void,
): void {
  trackDemoSeed(seed);
  seed
    .then(startWorkers, (err: unknown) => {
      fatal(err, "demo seed failed: stopping");
      process.exit(1);
    })
    .catch((err: unknown) => {
      fatal(err, "workers failed to start: stopping");
      process.exit(1);
    });
}
