/**
 * Two app nodes on one PostgreSQL database, documents in S3-compatible storage, mail through one
 * SMTP server: started by scripts/cluster.ts, the deploy guide's own recipe (docs/deploy.md).
 * Each journey makes its change on node A and checks it on node B on the very next request.
 * PostgreSQL only: the embedded database admits one process.
 */
import { expect, test, type Browser, type Page } from "./fixtures";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import pg from "pg";
import { createS3Client } from "../../lib/verification/storage/s3";
import { S3RVER_CREDENTIALS } from "../../scripts/s3-server.mjs";
import { readMigrations } from "../../lib/server/migrate";
import { startCluster, type Cluster } from "../../scripts/cluster";
import { answerDialog, DEMO_PASSWORD } from "./support";
import { fillRequest, makeVin } from "./verification-support";

const base = process.env.DATABASE_URL;
if (!base) console.log("[two-nodes] skipped on the embedded database: it admits one process; the PostgreSQL pass runs two nodes");
test.skip(!base, "two app nodes need PostgreSQL: the embedded database admits one process only, so this runs in the PostgreSQL pass");
test.describe.configure({ mode: "serial" });

const OWNER = "owner@demo.autodossier.test";
const PROXY_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 4200);
let cluster: Cluster;
let dbUrl: string;
let dbName: string;
let A: string;
let B: string;

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = base!): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

test.beforeAll(async ({}, info) => {
  info.setTimeout(300_000);
  dbName = `${new URL(base!).pathname.slice(1).slice(0, 40)}_nodes_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = new URL(base!);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  // Both nodes start at once on the empty database: they race for the migrations.
  cluster = await startCluster({
    databaseUrl: dbUrl,
    nodes: 2,
    port: PROXY_PORT,
    env: { MAIL_POLL_MS: "200", RATE_LIMIT_SIGNIN_PER_ADDRESS: "6", RATE_LIMIT_FORMS_PER_ADDRESS: "10000", LOG_LEVEL: "info" },
  });
  [A, B] = cluster.nodes.map((n) => n.url) as [string, string];
  // The demo world, written once by a separate process while both nodes run.
  const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);
});

test.afterAll(async () => {
  await cluster?.stop();
  if (dbName) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
});

/**
 * Each browser comes from an address of its own (the nodes trust X-Forwarded-For, as behind the
 * proxy), so the low sign-in limit of the rate-limit journey counts only that journey's attempts.
 */
let clients = 0;
async function signInAt(browser: Browser, node: string, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: node, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${++clients}` } })).newPage();
  await page.goto("/nl/sign-in");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

/** The same signed-in browser, its next request going to the other node (cookies ignore ports). */
function on(node: string, path: string) {
  return `${node}${path}`;
}

test("both nodes starting at once apply each migration once", async () => {
  const applied = cluster
    .logLines()
    .map((l) => String(l.line.msg ?? ""))
    .filter((m) => m.startsWith("applying migration "));
  const names = readMigrations().map((m) => m.name);
  expect(applied.sort()).toEqual(names.map((n) => `applying migration ${n}`).sort());
  const rows = await admin((c) => c.query<{ migration_name: string; n: string }>(`SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY 1`), dbUrl);
  expect(rows.rows).toHaveLength(names.length);
  expect(rows.rows.every((r) => r.n === "1")).toBe(true);
  for (const n of cluster.nodes) expect((await fetch(`${n.url}/api/ready`)).status).toBe(200);
});

test("the purge and the daily jobs run once per interval across both nodes", async () => {
  const started = (job: string) => cluster.logLines().filter((l) => l.line.job === job && l.line.msg === "scheduled run started");
  await expect.poll(() => started("purge").length).toBe(1);
  await expect.poll(() => started("daily-jobs").length).toBe(1);
  const leases = await admin((c) => c.query<{ name: string; lastRunAt: Date | null }>(`SELECT name, "lastRunAt" FROM "JobLease" ORDER BY name`), dbUrl);
  expect(leases.rows.map((r) => r.name)).toEqual(["daily-jobs", "purge"]);
  expect(leases.rows.every((r) => r.lastRunAt !== null)).toBe(true);
});

test("with both outbox senders running, each e-mail goes out exactly once", async () => {
  const to = `nodes-${randomBytes(4).toString("hex")}@example.test`;
  const ids = await admin(async (c) => {
    const out: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = `nodes${randomBytes(8).toString("hex")}`;
      await c.query(`INSERT INTO "OutboxEmail" (id, "to", locale, template, payload) VALUES ($1, $2, 'nl', 'password-changed', $3)`, [id, to, JSON.stringify({ name: `Mail ${i}` })]);
      out.push(id);
    }
    return out;
  }, dbUrl);
  await expect
    .poll(async () => (await admin((c) => c.query(`SELECT count(*)::int AS n FROM "OutboxEmail" WHERE id = ANY($1) AND status = 'SENT'`, [ids]), dbUrl)).rows[0].n, { timeout: 30_000 })
    .toBe(40);
  const caught = cluster.mail!.messages.filter((m) => m.to.includes(to));
  expect(caught).toHaveLength(40);
  expect(new Set(caught.map((m) => m.messageId)).size).toBe(40);
});

test("sign-in attempts count across nodes: the seventh from one address is refused on either", async ({ browser }) => {
  // Through the proxy's header (the nodes trust it): an address no other journey here uses.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const page = await context.newPage();
  // A different address each time, so the per-account limit (5) is not what refuses.
  let n = 0;
  const attempt = async (node: string) => {
    await page.goto(on(node, "/nl/sign-in"));
    await page.getByLabel("E-mailadres").fill(`nobody-${n++}@example.test`);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("not-the-password-1");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
    return (await page.getByTestId("form-error").textContent()) ?? "";
  };
  for (const node of [A, B, A, B, A, B]) expect(await attempt(node)).not.toContain("Te veel pogingen");
  expect(await attempt(B)).toContain("Te veel pogingen");
  expect(await attempt(A)).toContain("Te veel pogingen");
  await context.close();
});

test("a session made on node A works on node B, and an upload received by A is viewed by the reviewer on B", async ({ browser }) => {
  const owner = await signInAt(browser, A, OWNER);
  await owner.goto(on(B, "/nl/garage"));
  await expect(owner).toHaveURL(on(B, "/nl/garage"));
  await expect(owner.getByTestId("garage-vehicle").first()).toBeVisible();

  // The documents go to node A (the form's uploads and the action), the reviewer reads on B.
  const vin = makeVin();
  await fillRequest(owner, { locale: "nl", vin });
  await owner.getByRole("button", { name: "Aanvraag versturen" }).click();
  await expect(owner).toHaveURL(/\/garage\/verifications\/\w+\?submitted=1/);
  expect(new URL(owner.url()).port).toBe(new URL(A).port);
  const requestId = new URL(owner.url()).pathname.split("/").pop()!;

  const support = await signInAt(browser, B, "support@demo.autodossier.test");
  await support.goto(`/nl/console/verifications/${requestId}`);
  await support.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  const img = support.getByTestId("document-ID_FRONT").locator("img");
  await expect(img).toHaveJSProperty("complete", true);
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(120);
  // The bytes are in the bucket (encrypted, as the storage contract test shows), on no node's disk.
  const s3 = createS3Client({ endpoint: cluster.s3!.endpoint, region: "us-east-1", forcePathStyle: true, ...S3RVER_CREDENTIALS });
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: cluster.s3!.bucket }));
  expect((listed.Contents ?? []).filter((o) => /^[a-f0-9]{64}$/.test(o.Key ?? "")).length).toBeGreaterThanOrEqual(3);
  for (const n of cluster.nodes) expect(existsSync(path.join(n.dataDir, "documents")), "a node kept files on its own disk").toBe(false);
});

test("a car removed on node A reads as not found on node B on the very next request", async ({ browser }) => {
  const page = await signInAt(browser, A, OWNER);
  const href = await page.getByTestId("garage-vehicle").first().getByRole("link").first().getAttribute("href");
  const vehicleId = href!.split("/").pop()!;
  expect((await page.goto(on(B, `/en/garage/vehicles/${vehicleId}`)))?.status()).toBe(200);
  await page.goto(on(A, `/en/garage/vehicles/${vehicleId}/remove`));
  await page.getByLabel("I understand the consequences").check();
  await page.getByRole("button", { name: "Permanently remove vehicle" }).click();
  await expect(page).toHaveURL(/\/en\/garage\?removed=1$/);
  expect((await page.goto(on(B, `/en/garage/vehicles/${vehicleId}`)))?.status()).toBe(404);
});

test("signing out everywhere on node A ends a session on node B on its next request", async ({ browser }) => {
  const onA = await signInAt(browser, A, OWNER);
  const onB = await signInAt(browser, B, OWNER);
  await onB.goto("/nl/garage");
  await expect(onB).toHaveURL(/\/nl\/garage$/);
  await onA.goto("/nl/account");
  await onA.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(onA).toHaveURL(/signedOut=everywhere/);
  await onB.goto("/nl/garage");
  await expect(onB).toHaveURL(/\/nl\/sign-in/);
});

test("a user disabled on node A is refused on node B on the very next request", async ({ browser }) => {
  const user = await signInAt(browser, B, OWNER);
  await user.goto("/nl/garage");
  await expect(user).toHaveURL(/\/nl\/garage$/);
  const adminPage = await signInAt(browser, A, "admin@demo.autodossier.test");
  await adminPage.goto(`/nl/console/admin/users?q=${encodeURIComponent(OWNER)}`);
  const row = adminPage.getByTestId("user-row").filter({ hasText: OWNER });
  await row.getByRole("button", { name: "Uitschakelen" }).click();
  await answerDialog(adminPage, "Account uitschakelen");
  await expect(row.getByRole("button", { name: "Inschakelen" })).toBeVisible();
  await user.goto("/nl/garage");
  await expect(user).toHaveURL(/\/nl\/sign-in/);
});

test("a node stopped with SIGTERM finishes and exits cleanly while the other keeps serving", async () => {
  const code = await cluster.stopNode(0);
  expect(code).toBe(0);
  const lines = cluster.logLines().filter((l) => l.node === 0).map((l) => String(l.line.msg ?? ""));
  expect(lines).toContain("requests finished; stopping background workers");
  expect(lines).toContain("stopped");
  expect((await fetch(`${B}/api/ready`)).status).toBe(200);
  expect((await fetch(`${cluster.url}/nl/sign-in`)).status).toBe(200);
});
