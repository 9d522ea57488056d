/**
 * /api/ready for a load balancer: ready only when the database answers, every committed
 * migration is applied and the document storage can be reached; each failure named.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/database";
import { applyMigrations, readMigrations } from "@/lib/server/migrate";
import { readiness } from "@/lib/operations/readiness";
import { demoSeedSettled, trackDemoSeed } from "@/lib/server/demo-seed-state";
import { getDocumentStorage, setDocumentStorage } from "@/lib/verification/storage";
import { createS3Storage } from "@/lib/verification/storage/s3";
import { GET } from "@/app/api/ready/route";
import { S3RVER_CREDENTIALS, startS3Server } from "../../scripts/s3-server.mjs";

afterEach(() => setDocumentStorage(undefined));

describe("readiness", () => {
  it("is ready on a migrated database with its storage", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", storage: "ok" } });
  });

  it("is not ready while the S3 store is down, and ready again once it is back", async () => {
    const s3 = await startS3Server({ bucket: "ready" });
    try {
      setDocumentStorage(
        createS3Storage({ bucket: "ready", endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, ...S3RVER_CREDENTIALS, key: Buffer.alloc(32, 7) }),
      );
      expect((await readiness()).ready).toBe(true);
      await s3.close();
      const down = await GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "unavailable", checks: { database: "ok", migrations: "ok", storage: "failed" } });
      await s3.restart();
      expect((await readiness()).ready).toBe(true);
    } finally {
      await s3.close().catch(() => {});
    }
  });

  it("is not ready with a bucket that does not exist", async () => {
    const s3 = await startS3Server({ bucket: "exists" });
    try {
      setDocumentStorage(
        createS3Storage({ bucket: "missing", endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, ...S3RVER_CREDENTIALS, key: Buffer.alloc(32, 7) }),
      );
      expect((await readiness()).checks.storage).toBe("failed");
    } finally {
      await s3.close();
    }
  });

  it("names the migrations a database has not applied (a node of a newer release started first)", async () => {
    const all = readMigrations();
    const older = openDatabase({ dataDir: "memory://" });
    try {
      await applyMigrations(older.sql, all.slice(0, -1));
      expect(await older.pendingMigrations()).toEqual([all[all.length - 1]!.name]);
      await older.migrate();
      expect(await older.pendingMigrations()).toEqual([]);
    } finally {
      await older.close();
    }
  });

  it("in demo mode, is not ready until the background demo seed has ended, and not at all when it failed", async () => {
    let finishSeed!: () => void;
    trackDemoSeed(new Promise<void>((r) => (finishSeed = r)));
    try {
      const seeding = await GET();
      expect(seeding.status).toBe(503);
      expect(await seeding.json()).toEqual({ status: "unavailable", checks: { database: "ok", migrations: "ok", storage: "ok", demo: "pending" } });
      finishSeed();
      await demoSeedSettled();
      expect(await readiness()).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", storage: "ok", demo: "ok" } });
      trackDemoSeed(Promise.reject(new Error("seed broke")));
      await demoSeedSettled();
      expect(await readiness()).toMatchObject({ ready: false, checks: { demo: "failed" } });
    } finally {
      trackDemoSeed(undefined);
    }
    // No demo seed in this process: no demo check at all.
    expect((await readiness()).checks).not.toHaveProperty("demo");
  });

  it("the storage in use answers its own readiness check", async () => {
    await expect(getDocumentStorage().ready!()).resolves.toBeUndefined();
  });
});
