/**
 * `npm run bench:client`: issue 15, goals 5 and 6 (decision 0038).
 *
 * - Cold start (goal 6): `npm start` (scripts/start.mjs) on a built tree and a fresh embedded
 *   database: seconds from the spawn to the first 200 of /api/health and of /en/sign-in, and of
 *   /api/ready (the demo world, seeded in the background since decision 0042, complete).
 * - JavaScript per page (goal 5): each page's HTML fetched as its user sees it (signed in through
 *   next-auth where it needs it); the <script src> files it references summed, raw and gzipped,
 *   against an empty Next.js page (a one-line app built once with the portal's own `next`, in a
 *   temporary folder); the ratio must stay ≤ 1.2×.
 * - Message namespaces: the top-level keys of the `messages` the page's NextIntlClientProvider
 *   sends to the browser (read from the RSC payload in the HTML): only the namespaces the page's
 *   client components use should be there.
 *
 * Options: --port N (3711; the empty page uses N+1), --json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { inlineScriptBytes, messageNamespaces, scriptSources } from "./html";
import { arg, buildPortalIfStale, DEMO_PASSWORD, flag, getPage, log, ROOT, signIn, spawnServer, waitFor200, type Server } from "./support";

const PORT = Number(arg("port", "3711"));
const EMPTY_PORT = PORT + 1;

/** The <script src> files of a page: count, raw bytes, gzipped bytes (each file once). */
async function scriptBytes(base: string, html: string) {
  const srcs = scriptSources(html);
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  const inline = inlineScriptBytes(html);
  return { files: srcs.length, raw, gzip, inline };
}

/** A one-page Next.js app (no client code of its own), built once with the portal's `next`. */
function emptyApp(): string {
  const version = (JSON.parse(readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")) as { version: string }).version;
  const dir = path.join(tmpdir(), "autodossier-bench-empty-next", version);
  if (existsSync(path.join(dir, ".bench-ready"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "empty", private: true, type: "module" }));
  // Its node_modules is a link to the portal's: the root must hold both folders.
  writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: "/" } };\n`);
  writeFileSync(path.join(dir, "app/layout.jsx"), `export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`);
  writeFileSync(path.join(dir, "app/page.jsx"), `export const dynamic = "force-dynamic";\nexport default function Page() {\n  return <main>Empty</main>;\n}\n`);
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  const t = Date.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: dir, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`empty Next.js app: build failed\n${r.stdout}${r.stderr}`);
  log(`empty Next.js app built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  writeFileSync(path.join(dir, ".bench-ready"), version);
  return dir;
}

/** Seconds from the spawn to the start-up steps the server logs (its JSON lines carry a time). */
function startPhases(logFile: string, started: number): [string, number][] {
  const marks: [string, RegExp][] = [
    ["first migration", /^applying migration/],
    ["migrations applied", /^migrations applied/],
    ["demo seeded", /^demo world seeded/],
    ["listening", /^ready on/],
  ];
  const out: [string, number][] = [];
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const { time, msg } = JSON.parse(line) as { time: string; msg: string };
      const mark = marks.find(([what, re]) => re.test(msg) && !out.some(([w]) => w === what));
      if (mark) out.push([mark[0], (Date.parse(time) - started) / 1000]);
    } catch {
      // not a log line of ours
    }
  }
  return out;
}

const servers: Server[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), "bench-client-"));
try {
  await buildPortalIfStale();
  const emptyDir = emptyApp();

  // Goal 6: `npm start` itself, on a fresh embedded database (demo mode, as on this machine).
  const started = Date.now();
  const portal = spawnServer("portal", PORT, ROOT, ["scripts/start.mjs"], { PORT: String(PORT), APP_URL: `http://localhost:${PORT}`, DATA_DIR: dataDir, DATABASE_URL: "", NODE_ENV: "", SMTP_URL: "", LOG_LEVEL: "info" });
  servers.push(portal);
  const [health, signInPage, ready] = await Promise.all([
    waitFor200(portal, `${portal.base}/api/health`, 120_000, started),
    waitFor200(portal, `${portal.base}/en/sign-in`, 120_000, started),
    // Ready: migrations applied and the demo world, seeded in the background, complete.
    waitFor200(portal, `${portal.base}/api/ready`, 120_000, started),
  ]);

  const phases = startPhases(portal.logFile, started);

  const empty = spawnServer("empty", EMPTY_PORT, emptyDir, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(EMPTY_PORT)], { NODE_ENV: "production" });
  servers.push(empty);
  await waitFor200(empty, `${empty.base}/`);
  const emptyJs = await scriptBytes(empty.base, await getPage(`${empty.base}/`));

  const P = portal.base;
  const owner = await signIn(P, "owner@demo.autodossier.test", DEMO_PASSWORD);
  const dealer = await signIn(P, "dealer@demo.autodossier.test", DEMO_PASSWORD);
  const garage = await signIn(P, "garage@demo.autodossier.test", DEMO_PASSWORD);
  const carId = (await getPage(`${P}/en/garage`, owner)).match(/\/en\/garage\/vehicles\/([A-Za-z0-9_-]+)"/)?.[1];
  const passportId = [...(await getPage(`${P}/en/console/passports`, garage)).matchAll(/\/en\/console\/passports\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]).find((id) => id !== "new");
  if (!carId || !passportId) throw new Error("no car on the demo owner's garage page, or no passport on the demo garage's stock list");
  const pages: [string, string, string | undefined][] = [
    ["landing", "/en", undefined],
    ["sign-in", "/en/sign-in", undefined],
    ["sign-up", "/en/sign-up", undefined],
    ["garage (owner)", "/en/garage", owner],
    ["car page (owner)", `/en/garage/vehicles/${carId}`, owner],
    ["verification queue (dealer)", "/en/console/verifications", dealer],
    ["stock list (garage)", "/en/console/passports", garage],
    ["passport profile (garage)", `/en/console/passports/${passportId}`, garage],
  ];
  const rows = [];
  for (const [name, p, cookie] of pages) {
    const html = await getPage(`${P}${p}`, cookie);
    const js = await scriptBytes(P, html);
    const messages = messageNamespaces(html);
    rows.push({ page: name, path: p.replace(carId, "<car>").replace(passportId, "<passport>"), ...js, ratioGzip: js.gzip / emptyJs.gzip, ratioRaw: js.raw / emptyJs.raw, messageBytes: messages.bytes, namespaces: messages.namespaces });
  }

  if (flag("json")) {
    console.log(JSON.stringify({ coldStart: { healthS: health, signInS: signInPage, readyS: ready, phases: Object.fromEntries(phases) }, emptyPage: emptyJs, pages: rows }, null, 2));
  } else {
    console.log(`\nGoal 6: \`npm start\` on a built tree, fresh embedded database: first 200 of /api/health after ${health.toFixed(1)} s, of /en/sign-in after ${signInPage.toFixed(1)} s (goal ≤ 5 s: ${signInPage <= 5 ? "pass" : "FAIL"}); /api/ready (demo world seeded) after ${ready.toFixed(1)} s`);
    console.log(`  where the time went (seconds from the spawn, from the server's log): ${phases.map(([what, at]) => `${what} ${at.toFixed(1)}`).join(" · ")}`);
    console.log(`\nGoal 5: JavaScript files a page references (each once), against an empty Next.js ${JSON.parse(readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")).version} page: ${emptyJs.files} files, ${(emptyJs.raw / 1024).toFixed(1)} KiB raw, ${(emptyJs.gzip / 1024).toFixed(1)} KiB gzipped\n`);
    console.log("| page | files | raw KiB | gzip KiB | ratio (gzip) | goal ≤ 1.2× | inline script KiB | messages KiB | message namespaces sent |");
    console.log("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |");
    for (const r of rows) {
      console.log(`| ${r.page} \`${r.path}\` | ${r.files} | ${(r.raw / 1024).toFixed(1)} | ${(r.gzip / 1024).toFixed(1)} | ${r.ratioGzip.toFixed(2)}× | ${r.ratioGzip <= 1.2 ? "pass" : "FAIL"} | ${(r.inline / 1024).toFixed(1)} | ${(r.messageBytes / 1024).toFixed(1)} | ${r.namespaces.length} (${r.namespaces.join(", ")}) |`);
    }
  }
} finally {
  for (const s of servers.reverse()) await s.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
