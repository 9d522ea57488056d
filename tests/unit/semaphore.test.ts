import { describe, expect, it } from "vitest";
import { Semaphore } from "@/lib/server/semaphore";

/** A job that runs until released by hand, recording how many jobs ran at once. */
function gate(sem: Semaphore, log: { running: number; peak: number; order: string[] }, name: string, urgent = false) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const started = { value: false };
  const done = sem.run(
    async () => {
      started.value = true;
      log.running++;
      log.peak = Math.max(log.peak, log.running);
      log.order.push(name);
      await opened;
      log.running--;
      return name;
    },
    { urgent },
  );
  return { open, done, started };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("Semaphore", () => {
  it("runs N+5 concurrent jobs never more than N at once, and all of them", async () => {
    const N = 3;
    const sem = new Semaphore(N);
    const log = { running: 0, peak: 0, order: [] as string[] };
    const jobs = Array.from({ length: N + 5 }, (_, i) => gate(sem, log, `job${i}`));
    await tick();
    expect(log.running).toBe(N);
    expect(sem.active).toBe(N);
    expect(sem.waiting).toBe(5);
    // Release them one by one in a scrambled order; after each, N run again until the line is empty.
    for (const i of [1, 0, 2, 4, 3, 6, 5, 7]) {
      if (!jobs[i]!.started.value) continue;
      jobs[i]!.open();
      await tick();
      expect(log.running).toBeLessThanOrEqual(N);
    }
    for (const j of jobs) j.open();
    expect(await Promise.all(jobs.map((j) => j.done))).toEqual(jobs.map((_, i) => `job${i}`));
    expect(log.peak).toBe(N);
    expect(log.order).toEqual(jobs.map((_, i) => `job${i}`));
    expect(sem.active).toBe(0);
    expect(sem.waiting).toBe(0);
  });

  it("frees the slot when a job fails", async () => {
    const sem = new Semaphore(1);
    await expect(sem.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(sem.active).toBe(0);
    expect(await sem.run(async () => "next")).toBe("next");
  });

  it("admits an urgent waiter before every normal one that waited longer", async () => {
    const sem = new Semaphore(1);
    const log = { running: 0, peak: 0, order: [] as string[] };
    const first = gate(sem, log, "running");
    const normal1 = gate(sem, log, "normal1");
    const normal2 = gate(sem, log, "normal2");
    const urgent = gate(sem, log, "urgent", true);
    await tick();
    expect(log.order).toEqual(["running"]);
    first.open();
    await tick();
    expect(log.order).toEqual(["running", "urgent"]);
    urgent.open();
    normal1.open();
    normal2.open();
    await Promise.all([first.done, normal1.done, normal2.done, urgent.done]);
    expect(log.order).toEqual(["running", "urgent", "normal1", "normal2"]);
    expect(log.peak).toBe(1);
  });

  it("refuses a size that is not a positive whole number", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });
});
