/**
 * `npm run bench:pages`: the portal's pages against the bare Next.js + Prisma + next-auth page of
 * ../shared/bench/baseline-app, side by side in one run (issue 15, goals 1 and 2; decision 0038).
 *
 * Builds the portal when its build is stale and the baseline in a cached copy, starts both on a
 * fresh database of the chosen kind, signs in through next-auth (the demo owner, dealer and garage
 * staff; a user of the baseline's own), then measures every page with autocannon, alternating
 * portal and baseline in rounds. Every response must be a 200 (a redirect to the sign-in page
 * counts as a failure). Prints one table of ratios (the median of the rounds' ratios), and a
 * second of what a request costs: the CPU time of each server's processes per request (from
 * /proc, so Linux only) and the bytes of a response, beside the baseline's.
 *
 * Options: --db embedded|postgres (postgres: the server of DATABASE_URL, else the local one; a
 * fresh database per app, dropped afterwards), --rounds N (3), --duration S (8), --connections N
 * (16), --json (the figures as JSON on stdout), --only <substring of a page name>.
 */
import autocannon from "autocannon";
import { readdirSync, readFileSync } from "node:fs";
import { arg, BASELINE_USER, buildPortalIfStale, DEMO_PASSWORD, flag, getPage, log, median, prepareBaseline, signIn, startBaseline, startPortal, waitFor200, type Started } from "./support";

const DB = arg("db", "embedded") as "embedded" | "postgres";
if (DB !== "embedded" && DB !== "postgres") throw new Error("--db embedded|postgres");
const ROUNDS = Number(arg("rounds", "3"));
const DURATION = Number(arg("duration", "8"));
const CONNECTIONS = Number(arg("connections", "16"));
const ONLY = arg("only", "");
const PORTAL_PORT = Number(arg("port", "3701"));
const BASELINE_PORT = PORTAL_PORT + 1;

interface Target {
  name: string;
  goal: 1 | 2;
  url: string;
  cookie?: string;
}
interface Measure {
  rps: number;
  p97_5: number;
  /** Bytes of one response, headers included (what autocannon read, over the requests). */
  bytes: number;
  /** CPU time (user + system) of the server's processes per request, in ms; NaN without /proc. */
  cpuMs: number;
}

/** The CPU time so far (ms) of a process and its descendants, from /proc (Linux); NaN elsewhere. */
function cpuOfTree(pid: number): number {
  try {
    const [, rest] = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ");
    const f = rest!.split(" ");
    const ticks = Number(f[11]) + Number(f[12]);
    let children = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      for (const c of readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean)) children += cpuOfTree(Number(c));
    }
    // USER_HZ is 100 on every Linux build in use.
    return ticks * 10 + children;
  } catch {
    return NaN;
  }
}

async function measure(url: string, cookie: string | undefined, duration: number, pid: number, connections = CONNECTIONS): Promise<Measure> {
  const cpuBefore = cpuOfTree(pid);
  const r = await autocannon({ url, connections, duration, headers: cookie ? { cookie } : {}, timeout: 30 });
  const cpu = cpuOfTree(pid) - cpuBefore;
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts of ${r.requests.total} (a signed-in page redirecting to the sign-in page counts as non-2xx)`);
  return { rps: r.requests.average, p97_5: r.latency.p97_5, bytes: r.throughput.total / r.requests.total, cpuMs: cpu / r.requests.total };
}

const started: Started[] = [];
try {
  await buildPortalIfStale();
  const baselineDir = prepareBaseline();
  log(`starting both apps on ${DB === "embedded" ? "the embedded database (PGlite)" : "PostgreSQL"}`);
  const portal = await startPortal(PORTAL_PORT, DB);
  started.push(portal);
  const baseline = await startBaseline(baselineDir, BASELINE_PORT, DB);
  started.push(baseline);
  const P = portal.server.base;
  const B = baseline.server.base;
  // Ready: the demo world (which the benchmark signs in to) is seeded in the background.
  await waitFor200(portal.server, `${P}/api/ready`);
  await waitFor200(portal.server, `${P}/en/sign-in`);
  await waitFor200(baseline.server, `${B}/login`);

  const owner = await signIn(P, "owner@demo.autodossier.test", DEMO_PASSWORD);
  const dealer = await signIn(P, "dealer@demo.autodossier.test", DEMO_PASSWORD);
  const garage = await signIn(P, "garage@demo.autodossier.test", DEMO_PASSWORD);
  const baseCookie = await signIn(B, BASELINE_USER.email, BASELINE_USER.password);
  const baseHtml = await getPage(`${B}/`, baseCookie);
  if (!baseHtml.includes(BASELINE_USER.email)) throw new Error("the baseline page does not show its user signed in");

  const garageHtml = await getPage(`${P}/en/garage`, owner);
  const carId = garageHtml.match(/\/en\/garage\/vehicles\/([A-Za-z0-9_-]+)"/)?.[1];
  if (!carId) throw new Error("no car link on the demo owner's garage page");
  const stockHtml = await getPage(`${P}/en/console/passports`, garage);
  const passportId = [...stockHtml.matchAll(/\/en\/console\/passports\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]).find((id) => id !== "new");
  if (!passportId) throw new Error("no passport link on the demo garage's stock list");

  const targets: Target[] = [
    { name: "garage (owner)", goal: 1, url: `${P}/en/garage`, cookie: owner },
    { name: "car page (owner)", goal: 1, url: `${P}/en/garage/vehicles/${carId}`, cookie: owner },
    { name: "verification queue (dealer)", goal: 1, url: `${P}/en/console/verifications`, cookie: dealer },
    { name: "AutoPaspoort stock list (garage)", goal: 1, url: `${P}/en/console/passports`, cookie: garage },
    { name: "passport profile (garage)", goal: 1, url: `${P}/en/console/passports/${passportId}`, cookie: garage },
    { name: "landing (signed out)", goal: 2, url: `${P}/en` },
    { name: "sign-in (signed out)", goal: 2, url: `${P}/en/sign-in` },
    { name: "sign-up (signed out)", goal: 2, url: `${P}/en/sign-up` },
  ].filter((t) => t.name.includes(ONLY)) as Target[];

  // Each page once, signed in: a 200, not the sign-in form.
  for (const t of targets) {
    const html = await getPage(t.url, t.cookie);
    if (t.cookie && /name="password"/.test(html)) throw new Error(`${t.url} shows a password field: not signed in?`);
  }
  log("warming up");
  const portalPid = portal.server.child.pid!;
  const baselinePid = baseline.server.child.pid!;
  for (const t of targets) await measure(t.url, t.cookie, 2, portalPid, 4);
  await measure(`${B}/`, baseCookie, 2, baselinePid, 4);

  const results = targets.map(() => ({ app: [] as Measure[], base: [] as Measure[] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      // Alternate which goes first, so neither always meets the machine right after the other.
      const order = (round + i) % 2 === 0 ? ["app", "base"] : ["base", "app"];
      for (const who of order) {
        const m = who === "app" ? await measure(t.url, t.cookie, DURATION, portalPid) : await measure(`${B}/`, baseCookie, DURATION, baselinePid);
        results[i]![who as "app" | "base"].push(m);
      }
      log(`round ${round + 1}/${ROUNDS} ${t.name}: ${results[i]!.app.at(-1)!.rps.toFixed(0)} vs ${results[i]!.base.at(-1)!.rps.toFixed(0)} req/s`);
    }
  }

  const rows = targets.map((t, i) => {
    const { app, base } = results[i]!;
    const ratio = median(app.map((a, r) => a.rps / base[r]!.rps));
    const p975App = median(app.map((a) => a.p97_5));
    const p975Base = median(base.map((b) => b.p97_5));
    const pass = t.goal === 1 ? ratio >= 1 && p975App <= p975Base : ratio >= 2;
    return {
      page: t.name,
      path: new URL(t.url).pathname.replace(carId, "<car>").replace(passportId, "<passport>"),
      goal: t.goal,
      rpsApp: median(app.map((a) => a.rps)),
      rpsBaseline: median(base.map((b) => b.rps)),
      ratio,
      p975App,
      p975Baseline: p975Base,
      kibApp: median(app.map((a) => a.bytes)) / 1024,
      kibBaseline: median(base.map((b) => b.bytes)) / 1024,
      cpuMsApp: median(app.map((a) => a.cpuMs)),
      cpuMsBaseline: median(base.map((b) => b.cpuMs)),
      target: t.goal === 1 ? "≥ 1.0×, p97.5 ≤ baseline" : "≥ 2.0×",
      pass,
    };
  });
  const meta = { db: DB, rounds: ROUNDS, durationS: DURATION, connections: CONNECTIONS, at: new Date().toISOString() };
  if (flag("json")) {
    console.log(JSON.stringify({ ...meta, rows }, null, 2));
  } else {
    console.log(`\nPages vs the baseline's / (signed in), ${DB === "embedded" ? "embedded PGlite" : "PostgreSQL"}; ${ROUNDS} rounds of ${DURATION} s, ${CONNECTIONS} connections; medians of the rounds\n`);
    console.log("| page | rps app | rps baseline | ratio | p97.5 app | p97.5 baseline | goal | result |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
    for (const r of rows) console.log(`| ${r.page} \`${r.path}\` | ${r.rpsApp.toFixed(1)} | ${r.rpsBaseline.toFixed(1)} | ${r.ratio.toFixed(2)}× | ${r.p975App.toFixed(0)} ms | ${r.p975Baseline.toFixed(0)} ms | ${r.goal}: ${r.target} | ${r.pass ? "pass" : "FAIL"} |`);
    // Where the time goes: the server's CPU per request (the database's own processes not counted,
    // the embedded one is in the server's) and what it sends, beside the baseline's.
    console.log(`\nWhat each request costs the server (CPU time of its processes per request) and what it sends, medians of the rounds\n`);
    console.log("| page | CPU ms/request app | CPU ms/request baseline | ratio | KiB/response app | KiB/response baseline |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const r of rows) console.log(`| ${r.page} | ${r.cpuMsApp.toFixed(1)} | ${r.cpuMsBaseline.toFixed(1)} | ${(r.cpuMsApp / r.cpuMsBaseline).toFixed(2)}× | ${r.kibApp.toFixed(1)} | ${r.kibBaseline.toFixed(1)} |`);
  }
} finally {
  for (const s of started.reverse()) await s.cleanup();
}

