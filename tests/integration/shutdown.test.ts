import { describe, expect, it } from "vitest";
import { isShuttingDown, onShutdown, shutdown, whenIdle } from "@/lib/server/shutdown";

describe("stopping the background workers", () => {
  it("waits for each worker's running batch, once, and tells workers not to start another", async () => {
    let running = true;
    let stops = 0;
    onShutdown("test-worker", async () => {
      stops++;
      await whenIdle(() => running, 5);
    });
    expect(isShuttingDown()).toBe(false);
    let done = false;
    const first = shutdown().then(() => (done = true));
    expect(isShuttingDown()).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    running = false;
    await first;
    await shutdown();
    expect(stops).toBe(1);
    expect((globalThis as { __autodossierShutdown?: unknown }).__autodossierShutdown).toBe(shutdown);
  });
});
