/**
 * What the page benches share: building the portal and the baseline app, starting them on a fresh
 * database (embedded or PostgreSQL), signing in through next-auth's real credentials flow, and
 * stopping what they started.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, scryptSync } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..");
/** ../shared/bench/baseline-app beside the checkout (a worktree one level deeper also finds it), or BENCH_BASELINE_DIR. */
export const BASELINE_SOURCE =
  process.env.BENCH_BASELINE_DIR ||
  [path.resolve(ROOT, "../shared/bench/baseline-app"), path.resolve(ROOT, "../../shared/bench/baseline-app")].find((p) => existsSync(p)) ||
  path.resolve(ROOT, "../shared/bench/baseline-app");
export const DEMO_PASSWORD = "demo-password-2026";
const NEXT_BIN = ["node_modules", "next", "dist", "bin", "next"];

export function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
}
export const flag = (name: string) => process.argv.includes(`--${name}`);

export function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}

function run(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string>; what: string }) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...opts.env }, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${opts.what} failed (exit ${r.status})`);
  }
  log(`${opts.what}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

/** Builds the portal when its sources changed since the last build (scripts/build-stamp.mjs). */
export async function buildPortalIfStale() {
  const stampModule = pathToFileURL(path.join(ROOT, "scripts", "build-stamp.mjs")).href;
  const stamp = (await import(stampModule)) as { buildIsCurrent(): boolean; writeStamp(): void; makeDbTemplate(): void };
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    if (stamp.buildIsCurrent()) log("portal build is current");
    else {
      run(process.execPath, [path.join(...NEXT_BIN), "build"], { cwd: ROOT, env: { NODE_ENV: "production" }, what: "portal next build" });
      stamp.writeStamp();
    }
    // What `npm start` makes after a build (a tree built before it existed may lack it).
    stamp.makeDbTemplate();
  } finally {
    process.chdir(cwd);
  }
}

function hashTree(dir: string, h = createHash("sha256"), rel = ""): ReturnType<typeof createHash> {
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (["node_modules", ".next", ".data", "generated"].includes(e.name)) continue;
    const p = path.join(rel, e.name);
    if (e.isDirectory()) hashTree(dir, h, p);
    else h.update(`${p}\0`).update(readFileSync(path.join(dir, p)));
  }
  return h;
}

/**
 * The baseline app (../shared/bench/baseline-app) copied, installed and built in a folder under
 * $TMPDIR/autodossier-bench-baseline named by a hash of its files: a second run reuses it.
 * `npm install` there needs the registry (once).
 */
export function prepareBaseline(): string {
  if (!existsSync(BASELINE_SOURCE)) throw new Error(`no baseline app at ${BASELINE_SOURCE}`);
  const key = hashTree(BASELINE_SOURCE).digest("hex").slice(0, 16);
  // Outside the project's tree: nested in it, Next takes the portal's folder for the baseline's
  // workspace root and its build fails.
  const dir = path.join(tmpdir(), "autodossier-bench-baseline", key);
  const done = path.join(dir, ".bench-ready");
  if (existsSync(done)) {
    log(`baseline app ready in ${path.relative(ROOT, dir)}`);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(BASELINE_SOURCE, dir, { recursive: true });
  // The shared copy is read-only; the build writes into the tree.
  spawnSync("chmod", ["-R", "u+w", dir]);
  rmSync(path.join(dir, ".data"), { recursive: true, force: true });
  run("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, what: "baseline npm install" });
  run(process.execPath, [path.join(...NEXT_BIN), "build"], { cwd: dir, env: { NODE_ENV: "production" }, what: "baseline next build" });
  writeFileSync(done, new Date().toISOString());
  return dir;
}

/** A fresh PostgreSQL database on the server of DATABASE_URL (or the local one), dropped by drop(). */
export async function freshPostgres(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `bench_${label}_${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Server {
  name: string;
  base: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export function spawnServer(name: string, port: number, cwd: string, args: string[], env: Record<string, string>): Server {
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), `bench-${name}-log-`)), "server.log");
  const out = createWriteStream(logFile);
  // An empty value unsets the variable (the bench's own DATABASE_URL must not reach an embedded start).
  const merged: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...env };
  for (const [k, v] of Object.entries(merged)) if (v === "") delete merged[k];
  const child = spawn(process.execPath, args, { cwd, env: merged, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    base: `http://localhost:${port}`,
    child,
    logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves with the seconds until `url` answered 200; fails when the server exits or after `timeoutMs`. */
export async function waitFor200(server: Server, url: string, timeoutMs = 120_000, started = Date.now()): Promise<number> {
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited (${server.child.exitCode}); log: ${server.logFile}\n${tail(server.logFile)}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 200) return (Date.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s; log: ${server.logFile}\n${tail(server.logFile)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function tail(file: string) {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "";
  }
}

export interface Started {
  server: Server;
  cleanup: () => Promise<void>;
}

/**
 * The built portal as `npm start` serves it (scripts/server.mjs), in demo mode, on a fresh
 * database: a new DATA_DIR for the embedded one, or a new PostgreSQL database.
 */
export async function startPortal(port: number, db: "embedded" | "postgres", extraEnv: Record<string, string> = {}): Promise<Started & { startedAt: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-portal-"));
  const pgdb = db === "postgres" ? await freshPostgres("portal") : null;
  const startedAt = Date.now();
  const server = spawnServer("portal", port, ROOT, ["scripts/server.mjs"], {
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DEMO_MODE: "true",
    AUTH_SECRET: "bench-secret-not-for-production-0123456789",
    DATA_DIR: dataDir,
    DOCUMENTS_DIR: path.join(dataDir, "documents"),
    DOCUMENT_KEY: randomBytes(32).toString("base64"),
    RATE_LIMIT_SIGNIN_PER_ADDRESS: "10000",
    RATE_LIMIT_FORMS_PER_ADDRESS: "10000",
    LOG_LEVEL: "warn",
    DATABASE_URL: pgdb?.url ?? "",
    SMTP_URL: "",
    ...extraEnv,
  });
  return {
    server,
    startedAt,
    cleanup: async () => {
      await server.stop();
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const BASELINE_USER = { email: "bench@example.test", password: "bench-password-2026" };

/** The baseline app, its schema deployed on a fresh database, one user to sign in with. */
export async function startBaseline(dir: string, port: number, db: "embedded" | "postgres"): Promise<Started> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-baseline-"));
  const pgdb = db === "postgres" ? await freshPostgres("baseline") : null;
  const url = pgdb?.url ?? `pglite:${path.join(dataDir, "pglite")}`;
  run(process.execPath, ["scripts/prisma-wasm.mjs", "deploy"], { cwd: dir, env: { DATABASE_URL: url }, what: "baseline schema deploy" });
  // Its own password format (src/auth.ts): salt:scrypt(password, salt, 32), hex.
  const salt = randomBytes(16).toString("hex");
  const hash = `${salt}:${scryptSync(BASELINE_USER.password, salt, 32).toString("hex")}`;
  const insert = `INSERT INTO "User" (id, email, "passwordHash") VALUES ('benchuser', '${BASELINE_USER.email}', '${hash}')`;
  if (pgdb) {
    const c = new pg.Client({ connectionString: pgdb.url });
    await c.connect();
    await c.query(insert);
    await c.end();
  } else {
    // Before the server opens it: an embedded directory admits one process at a time.
    const { PGlite } = await import("@electric-sql/pglite");
    const lite = new PGlite(path.join(dataDir, "pglite"));
    await lite.exec(insert);
    await lite.close();
  }
  const server = spawnServer("baseline", port, dir, [path.join(...NEXT_BIN), "start", "-p", String(port)], {
    NODE_ENV: "production",
    AUTH_URL: `http://localhost:${port}`,
    DATABASE_URL: url,
  });
  return {
    server,
    cleanup: async () => {
      await server.stop();
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through next-auth's own endpoints (CSRF token, credentials callback); returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  keep(res);
  await res.arrayBuffer();
  const session = [...jar.keys()].find((k) => k.endsWith("authjs.session-token"));
  if (!session) throw new Error(`sign-in as ${email} at ${base} gave no session cookie (status ${res.status}, location ${res.headers.get("location")})`);
  return cookie();
}

/** GET with the cookie; throws unless 200 (no redirect followed). */
export async function getPage(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}`);
  return body;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function fileSize(p: string) {
  return statSync(p).size;
}
