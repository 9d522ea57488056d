// `npm run test:e2e`: Playwright in Debian's Chromium against the built portal. Installs the
// chromium package when it is missing (Playwright's own browser download cannot work offline).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildIsCurrent, makeDbTemplate, writeStamp } from "./build-stamp.mjs";

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: "inherit", ...opts }).status ?? 1;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  console.log("[e2e] installing Debian's chromium…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) => run(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args, { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (apt(["update", "-qq"]) !== 0 || apt(["install", "-y", "-qq", "chromium"]) !== 0) {
    console.error("[e2e] could not install chromium (apt-get install chromium)");
    process.exit(1);
  }
}

if (!buildIsCurrent()) {
  console.log("[e2e] building the portal…");
  const status = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (status !== 0) process.exit(status);
  writeStamp();
  if (!process.env.DATABASE_URL) makeDbTemplate();
}

process.exit(run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)]));
