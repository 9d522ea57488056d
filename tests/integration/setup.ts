/**
 * Integration tests run against a real database: PostgreSQL when DATABASE_URL is set (the test
 * command gives each run a fresh one), otherwise an in-memory embedded PostgreSQL per test file.
 */
// Next's own start-up step that gives its request stores an AsyncLocalStorage (as `next start` does
// before loading the app), so server actions and route handlers can run in a request scope here
// (tests/support/request-scope.ts).
import "next/dist/server/node-environment-baseline";
import { beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
if (!process.env.DATABASE_URL) process.env.DATA_DIR = "memory://";
process.env.APP_URL ??= "http://localhost:3999";
// The code under test logs its e-mails, retries and failures; LOG_LEVEL=info shows those lines.
process.env.LOG_LEVEL ??= "silent";
// Verification documents: a fixed test key and a fresh folder per test file (removed afterwards).
process.env.DOCUMENT_KEY ??= Buffer.from("integration-test-document-key-32").toString("base64");
const documentsDir = mkdtempSync(path.join(tmpdir(), "autodossier-test-documents-"));
process.env.DOCUMENTS_DIR = documentsDir;

beforeAll(async () => {
  const { database } = await import("@/lib/server/db");
  await database().migrate();
});

afterAll(async () => {
  const { database } = await import("@/lib/server/db");
  await database().close();
  (globalThis as { __autodossierDb?: unknown }).__autodossierDb = undefined;
  rmSync(documentsDir, { recursive: true, force: true });
});
