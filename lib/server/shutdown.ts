/**
 * A graceful stop (issue 16): on SIGTERM the server (scripts/server.mjs) stops taking requests,
 * lets those in flight finish, then calls `shutdown()`, which stops every background worker (mail
 * sender, purge, daily jobs) from starting another batch and waits for the batch each is running.
 * The server reaches this through a global because it is a plain ES module run by node, outside
 * the bundled app.
 */
import { log } from "./log";

type Stopper = () => Promise<void>;

const g = globalThis as unknown as {
  __shutdownState?: { stoppers: Map<string, Stopper>; stopping: Promise<void> | null };
  __autodossierShutdown?: () => Promise<void>;
};

function state() {
  g.__shutdownState ??= { stoppers: new Map(), stopping: null };
  return g.__shutdownState;
}

/** Registers what stops a background worker and waits for its current batch. */
export function onShutdown(name: string, stop: Stopper): void {
  state().stoppers.set(name, stop);
  g.__autodossierShutdown ??= shutdown;
}

export function isShuttingDown(): boolean {
  return state().stopping !== null;
}

/** Stops every worker (in parallel), once; later calls wait for the same stop. */
export function shutdown(): Promise<void> {
  const s = state();
  s.stopping ??= Promise.all(
    [...s.stoppers].map(async ([name, stop]) => {
      try {
        await stop();
        log.info({ worker: name }, "background worker stopped");
      } catch (e) {
        log.error({ err: e, worker: name }, "background worker did not stop cleanly");
      }
    }),
  ).then(() => undefined);
  return s.stopping;
}

/** Resolves once `busy()` is false (a worker's running batch finished). */
export async function whenIdle(busy: () => boolean, pollMs = 50): Promise<void> {
  while (busy()) await new Promise((r) => setTimeout(r, pollMs));
}
