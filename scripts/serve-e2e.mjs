// Starts the built portal for the end-to-end tests: demo data, the test mail catcher as SMTP
// server, a fresh embedded database (or the DATABASE_URL given by the test command).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
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
  RATE_LIMIT_SIGNIN_PER_ADDRESS: "10000",
  DATA_DIR: process.env.DATABASE_URL ? "./data-e2e-unused" : mkdtempSync(path.join(tmpdir(), "autodossier-e2e-")),
};
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
