// Starts the built portal for the end-to-end tests: demo data, the test mail catcher as SMTP
// server, a fresh embedded database (or the DATABASE_URL given by the test command).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";

/** The folder the tests were told about (playwright.config.ts), emptied for this run; else a fresh one. */
function documentsDir() {
  const dir = process.env.E2E_DOCUMENTS_DIR;
  if (!dir) return mkdtempSync(path.join(tmpdir(), "autodossier-e2e-documents-"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 3125}`,
  DEMO_MODE: "true",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  MAIL_POLL_MS: "250",
  // Every browser of the suite signs up, activates and signs in from 127.0.0.1.
  RATE_LIMIT_SIGNIN_PER_ADDRESS: "10000",
  RATE_LIMIT_FORMS_PER_ADDRESS: "10000",
  DATA_DIR: process.env.DATABASE_URL ? "./data-e2e-unused" : mkdtempSync(path.join(tmpdir(), "autodossier-e2e-")),
  // Uploaded verification documents: an empty folder and a fixed key that is not for production.
  DOCUMENTS_DIR: documentsDir(),
  DOCUMENT_KEY: "ZTJlLWRvY3VtZW50LWtleS1ub3QtZm9yLXByb2R1Y3Q=",
  // Support reviews Dutch only here, so an English-speaking owner's request goes to the dealer
  // they chose: both routes of self-registration run end to end (tests/e2e/verification.spec.ts).
  SUPPORT_LOCALES: process.env.E2E_SUPPORT_LOCALES ?? "nl",
  // The RDW's open data, replayed from tests/fixtures/rdw/ by the mail catcher's HTTP server
  // (tests/support/mail-server.ts): these machines have no internet.
  RDW_API_URL: `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 3126}/rdw`,
};
const child = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
