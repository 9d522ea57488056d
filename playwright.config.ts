import { defineConfig, devices } from "@playwright/test";
import { tmpdir } from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
const mailHttp = Number(process.env.E2E_MAIL_HTTP_PORT ?? 3126);
// The server's folder of uploaded verification documents, known to the tests so they can check
// that a request's files are gone from disk after the decision. One per port (runs on other ports
// do not share it); scripts/serve-e2e.mjs empties it when the server starts. Set here so the
// workers, which load this file too, see the same path.
process.env.E2E_DOCUMENTS_DIR ??= path.join(tmpdir(), `autodossier-e2e-documents-${port}`);

export default defineConfig({
  testDir: "tests/e2e",
  // Its own folder: Playwright empties it at the start, and test-results/ also holds the unit and
  // integration reports that `npm test` adds up.
  outputDir: "test-results/playwright",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Every page a test opens is also checked with axe (tests/e2e/fixtures.ts), a second or more a
  // page on these 2-core machines: the longest journeys (20 and more pages, two or three users)
  // went past 60 s under load, and a timed-out test's body then ran on after its teardown.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "nl-NL",
    // A failed test keeps its trace: every action with the DOM before and after it, the network and
    // the console. Without the screencast: its screenshots cost the suite about a third of its time
    // on these 2-core machines (passports.spec.ts, 2 workers: 2.3 min with them, 1.5 min without).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /(responsive|phone-width)\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /(responsive|phone-width)\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "npx tsx tests/support/mail-server.ts",
      url: `http://127.0.0.1:${mailHttp}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node scripts/serve-e2e.mjs",
      // Ready, not just alive: in demo mode the demo world is seeded in the background (decision 0042).
      url: `http://localhost:${port}/api/ready`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
