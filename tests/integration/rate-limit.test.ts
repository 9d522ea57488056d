import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { clear, hit } from "@/lib/server/rate-limit";
import { uid } from "../factories";

const LIMIT = { max: 3, windowMs: 60_000 };

describe("rate limits (fixed window, in the database)", () => {
  it("admits max hits per window, refuses the next, and starts over in a new window", async () => {
    const key = `test:${uid()}`;
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect([await hit(db, key, LIMIT, t0), await hit(db, key, LIMIT, at(1)), await hit(db, key, LIMIT, at(2))]).toEqual([true, true, true]);
    expect(await hit(db, key, LIMIT, at(59_000))).toBe(false);
    expect(await hit(db, key, LIMIT, at(59_999))).toBe(false);
    // The window began at t0: one that began more than windowMs ago is over.
    expect(await hit(db, key, LIMIT, at(60_001))).toBe(true);
    expect(await db.rateLimitBucket.findUniqueOrThrow({ where: { key } })).toMatchObject({ count: 1, windowStart: at(60_001) });
  });

  it("keeps keys apart, and clear() resets one key", async () => {
    const a = `test:${uid()}`;
    const b = `test:${uid()}`;
    for (let i = 0; i < 4; i++) await hit(db, a, LIMIT);
    expect(await hit(db, a, LIMIT)).toBe(false);
    expect(await hit(db, b, LIMIT)).toBe(true);
    await clear(db, a);
    expect(await hit(db, a, LIMIT)).toBe(true);
    expect(await hit(db, b, LIMIT)).toBe(true);
  });

  it("counts concurrent hits atomically: of 20 at once with max 10, exactly 10 are admitted", async () => {
    const key = `test:${uid()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => hit(db, key, { max: 10, windowMs: 60_000 })));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key } })).count).toBe(20);
  });
});
