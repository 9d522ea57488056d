/**
 * Scheduled jobs run once per interval across app nodes (lib/jobs/lease.ts): the database, not
 * each node's timer, decides. Node names stand for separate processes; the two-node test
 * (tests/integration/two-nodes.test.ts) runs the real thing with two servers.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { runIfDue } from "@/lib/jobs/lease";
import { uid } from "../factories";

const MIN = 60_000;
const job = () => ({ name: `test-${uid()}`, intervalMs: 15 * MIN, maxRunMs: 10 * MIN });

describe("job leases", () => {
  it("lets one of two nodes ticking at the same moment run the job", async () => {
    const j = job();
    let runs = 0;
    const body = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
      return runs;
    };
    const now = new Date();
    const results = await Promise.all(["a:1", "b:2", "c:3"].map((node) => runIfDue(db, j, body, { now, node })));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it("runs again only once the interval has passed since the last run, on whichever node", async () => {
    const j = job();
    const t0 = new Date("2026-12-02T10:00:00Z");
    const at = (m: number) => new Date(t0.getTime() + m * MIN);
    const ran = async (m: number, node: string) => (await runIfDue(db, j, async () => node, { now: at(m), node })).ran;
    expect(await ran(0, "a:1")).toBe(true);
    expect(await ran(1, "b:2")).toBe(false);
    expect(await ran(14, "a:1")).toBe(false);
    expect(await ran(15, "b:2")).toBe(true);
    expect(await ran(16, "a:1")).toBe(false);
    const row = await db.jobLease.findUniqueOrThrow({ where: { name: j.name } });
    expect(row).toMatchObject({ lastRunAt: at(15), lockedUntil: null, lockedBy: null });
  });

  it("frees the claim of a failed run, which does not count as a run", async () => {
    const j = job();
    const now = new Date();
    await expect(runIfDue(db, j, async () => Promise.reject(new Error("boom")), { now, node: "a:1" })).rejects.toThrow("boom");
    const again = await runIfDue(db, j, async () => "ok", { now: new Date(now.getTime() + 1000), node: "b:2" });
    expect(again).toEqual({ ran: true, result: "ok" });
  });

  it("a claim of a node that died mid-run lapses after the longest run allowed", async () => {
    const j = job();
    const t0 = new Date("2026-12-02T10:00:00Z");
    // Node a claims and never finishes (killed): the body never resolves within the test.
    runIfDue(db, j, () => new Promise<never>(() => {}), { now: t0, node: "a:1" }).catch(() => {});
    await expect.poll(async () => (await db.jobLease.findUnique({ where: { name: j.name } }))?.lockedBy).toBe("a:1");
    expect((await runIfDue(db, j, async () => 1, { now: new Date(t0.getTime() + 9 * MIN), node: "b:2" })).ran).toBe(false);
    expect((await runIfDue(db, j, async () => 1, { now: new Date(t0.getTime() + 11 * MIN), node: "b:2" })).ran).toBe(true);
  });
});
