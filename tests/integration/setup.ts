/**
 * Integration tests run against a real database: PostgreSQL when DATABASE_URL is set (the test
 * command gives each run a fresh one), otherwise an in-memory embedded PostgreSQL per test file.
 */
import { beforeAll, afterAll } from "vitest";

process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
if (!process.env.DATABASE_URL) process.env.DATA_DIR = "memory://";
process.env.APP_URL ??= "http://localhost:3999";

beforeAll(async () => {
  const { database } = await import("@/lib/server/db");
  await database().migrate();
});

afterAll(async () => {
  const { database } = await import("@/lib/server/db");
  await database().close();
  (globalThis as { __autodossierDb?: unknown }).__autodossierDb = undefined;
});
