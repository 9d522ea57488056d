// `npm start`: builds when needed and serves the portal. With no DATABASE_URL it runs on the
// embedded database under ./data (migrated at start-up). Demo mode (the demo world seeded, its
// accounts shown on the sign-in page) is on for a local start on the embedded database and never
// turns itself on for a start configured for production (scripts/start-env.mjs).
// Honours PORT, APP_URL, SMTP_URL, DATABASE_URL, DATA_DIR, AUTH_SECRET, DOCUMENT_KEY, DEMO_MODE.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent, makeDbTemplate, writeStamp } from "./build-stamp.mjs";
import { demoModeOf, productionConfigured } from "./start-env.mjs";

const dev = process.argv.includes("--dev");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
env.PORT ||= "3000";
env.DATA_DIR ||= "./data";
// Decided on the operator's environment, before NODE_ENV=production is set for the server below.
const demo = demoModeOf(process.env);
// A DEMO_MODE the operator gave stays as given (a bad value is refused by lib/server/env.ts).
if (!env.DEMO_MODE?.trim()) env.DEMO_MODE = String(demo);

if (!env.AUTH_SECRET) {
  // A secret of this installation's own, kept beside its data (never committed).
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = path.join(env.DATA_DIR, ".auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

if (!env.DOCUMENT_KEY && (dev || demo)) {
  // Development and demo: a document encryption key of this installation's own (32 bytes, base64).
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = path.join(env.DATA_DIR, ".document-key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  env.DOCUMENT_KEY = readFileSync(file, "utf8").trim();
}

const next = path.join("node_modules", "next", "dist", "bin", "next");
if (!dev && !buildIsCurrent()) {
  console.log("[start] building the portal (first start or changed sources)…");
  const r = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeStamp();
  if (!env.DATABASE_URL) makeDbTemplate(env);
}

console.log(`[start] ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded database in ${env.DATA_DIR}`} · http://localhost:${env.PORT}`);
if (demo) {
  console.warn(
    `[start] DEMO MODE: demo accounts (a platform admin among them) with the password published in the README${env.SMTP_URL ? "" : "; every e-mail, reset links included, readable by anyone at /dev/mail"}. Not for real data.`,
  );
} else if (!process.env.DEMO_MODE?.trim() && !env.DATABASE_URL && productionConfigured(process.env)) {
  console.log("[start] configured for production (NODE_ENV=production or an APP_URL that is not localhost): embedded database without demo data; DEMO_MODE=true runs the demo");
}
// Production: our own server around Next's handler (scripts/server.mjs), so rate limits see the
// real client address.
const args = dev ? [next, "dev", "-p", env.PORT] : ["scripts/server.mjs"];
const child = spawn(process.execPath, args, { stdio: "inherit", env: dev ? env : { ...env, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
