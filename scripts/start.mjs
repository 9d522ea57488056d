// `npm start`: builds when needed and serves the portal. With no DATABASE_URL it runs on the
// embedded database under ./data (migrated and seeded with the demo world at start-up).
// Honours PORT, APP_URL, SMTP_URL, DATABASE_URL, DATA_DIR, AUTH_SECRET, DOCUMENT_KEY.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent, writeStamp } from "./build-stamp.mjs";

const dev = process.argv.includes("--dev");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
env.PORT ||= "3000";
env.DATA_DIR ||= "./data";
if (!env.DATABASE_URL && env.DEMO_MODE === undefined) env.DEMO_MODE = "true";

if (!env.AUTH_SECRET) {
  // A secret of this installation's own, kept beside its data (never committed).
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = path.join(env.DATA_DIR, ".auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

if (!env.DOCUMENT_KEY && (dev || env.DEMO_MODE === "true")) {
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
}

console.log(`[start] ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded database in ${env.DATA_DIR}`} · http://localhost:${env.PORT}`);
// Production: our own server around Next's handler (scripts/server.mjs), so rate limits see the
// real client address.
const args = dev ? [next, "dev", "-p", env.PORT] : ["scripts/server.mjs"];
const child = spawn(process.execPath, args, { stdio: "inherit", env: dev ? env : { ...env, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
