// `npm test`: lint, typecheck, unit, integration (real database) and end-to-end tests.
// With DATABASE_URL, the run gets fresh databases on that server (integration, e2e), dropped afterwards;
// without, integration tests use in-memory embedded databases and the e2e server a fresh
// embedded database in a temporary directory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const started = Date.now();
rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

let dropDb = async () => {};
/** Per step: the database the integration tests and, separately, the e2e server use. */
const stepDatabase = {};
if (env.DATABASE_URL) {
  // Two fresh databases: the integration tests leave undelivered outbox rows and other data that
  // the e2e server's mail sender would otherwise work through before the journeys' own e-mails.
  const serverUrl = env.DATABASE_URL;
  const stem = `autodossier_test_${Date.now().toString(36)}_${process.pid}`;
  const names = { integration: stem, e2e: `${stem}_e2e` };
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of Object.values(names)) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  for (const [step, name] of Object.entries(names)) {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    stepDatabase[step] = url.toString();
  }
  env.DATABASE_URL = stepDatabase.integration;
  console.log(`[test] PostgreSQL: fresh databases ${names.integration} (integration) and ${names.e2e} (e2e)`);
  dropDb = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    for (const name of Object.values(names)) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
} else {
  console.log("[test] embedded database (PGlite)");
}

// TEST_SCOPE=database: only the steps whose outcome can depend on the database (integration and
// e2e, without axe's accessibility checks of the same markup). For a second run on the other
// database: CI (.ci/run) runs everything on PostgreSQL, then this on the embedded database, to
// stay within its time limit.
const databaseOnly = env.TEST_SCOPE === "database";
if (env.TEST_SCOPE && !databaseOnly) {
  console.error(`[test] TEST_SCOPE=${env.TEST_SCOPE}: the only scope is "database"`);
  process.exit(2);
}
if (databaseOnly) {
  env.E2E_AXE = "off";
  console.log("[test] scope: database (integration and e2e; no lint, typecheck, unit or axe)");
}

const allSteps = [
  ["lint", ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"]],
  ["typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"]],
  ["migrations are up to date with the schema", ["node_modules/tsx/dist/cli.mjs", "scripts/new-migration.ts", "--check"]],
  ["unit", ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]],
  ["integration", ["node_modules/vitest/vitest.mjs", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"]],
  ["e2e", ["scripts/e2e.mjs"]],
];
const steps = databaseOnly ? allSteps.filter(([name]) => name === "integration" || name === "e2e") : allSteps;

let failedStep = null;
for (const [name, args] of steps) {
  const t0 = Date.now();
  console.log(`\n[test] ── ${name} ──`);
  const stepEnv = stepDatabase[name] ? { ...env, DATABASE_URL: stepDatabase[name] } : env;
  const status = spawnSync(process.execPath, args, { stdio: "inherit", env: stepEnv }).status;
  console.log(`[test] ${name}: ${status === 0 ? "ok" : "FAILED"} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (status !== 0) {
    failedStep = name;
    break;
  }
}
await dropDb().catch((e) => console.warn(`[test] could not drop the test database: ${e.message}`));

let passed = 0, failed = 0, skipped = 0;
for (const f of ["unit", "integration"]) {
  const p = `test-results/${f}.json`;
  if (!existsSync(p)) continue;
  const r = JSON.parse(readFileSync(p, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (existsSync("test-results/e2e.json")) {
  const s = JSON.parse(readFileSync("test-results/e2e.json", "utf8")).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}
if (failedStep && failed === 0) failed = 1; // a failing lint/typecheck/build step counts as a failure
console.log(`\n[test] ${failedStep ? `FAILED at ${failedStep}` : "all steps passed"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
