import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { enqueueEmail } from "@/lib/server/mail/outbox";
import { outboxFor, uniqueEmail } from "../factories";

describe("outbox: e-mail is written in the caller's transaction", () => {
  it("writes no e-mail when the transaction rolls back", async () => {
    const to = uniqueEmail("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { email: to, firstName: "Roll", lastName: "Back" } });
        const id = await enqueueEmail(tx, { to, locale: "nl", template: "password-changed", payload: { name: "Roll" } });
        // Inside the transaction the row exists...
        expect(await tx.outboxEmail.count({ where: { id } })).toBe(1);
        throw new Error("the change fails after the e-mail was queued");
      }),
    ).rejects.toThrow("the change fails");
    // ...but it went with the rollback, as did the change itself.
    expect(await outboxFor(to)).toEqual([]);
    expect(await db.user.count({ where: { email: to } })).toBe(0);
  });

  it("writes exactly one PENDING row when the transaction commits", async () => {
    const to = uniqueEmail("commit");
    const before = Date.now();
    const id = await db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: to, firstName: "Com", lastName: "Mit" } });
      return enqueueEmail(tx, { to, locale: "en", template: "member-added", payload: { name: "Com", organisation: "Garage Zuid", url: "http://x.test/en/console" } });
    });
    const rows = await outboxFor(to);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      id,
      to,
      locale: "en",
      template: "member-added",
      payload: { name: "Com", organisation: "Garage Zuid", url: "http://x.test/en/console" },
      status: "PENDING",
      attempts: 0,
      lockedUntil: null,
      sentAt: null,
      lastError: null,
    });
    // Due at once.
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
  });

  it("a rolled-back and a committed transaction side by side: only the committed e-mail remains", async () => {
    const to = uniqueEmail("mixed");
    const results = await Promise.allSettled([
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { to, locale: "nl", template: "password-changed", payload: { name: "A" } });
        throw new Error("rolled back");
      }),
      db.$transaction(async (tx) => enqueueEmail(tx, { to, locale: "nl", template: "signed-out-everywhere", payload: { name: "B" } })),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    const rows = await outboxFor(to);
    expect(rows.map((r) => r.template)).toEqual(["signed-out-everywhere"]);
  });
});
