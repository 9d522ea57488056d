/**
 * Several identical app nodes on one PostgreSQL, behind a small reverse proxy, with documents in
 * S3-compatible storage: the deploy guide's recipe (docs/deploy.md) on one machine, and what the
 * two-node test (tests/e2e/two-nodes.spec.ts) runs.
 *
 *   npm run build
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/autodossier npx tsx scripts/cluster.ts --nodes 2 --port 8080
 *
 * Without DOCUMENTS_S3_BUCKET it starts a local S3-compatible server (scripts/s3-server.mjs);
 * without SMTP_URL a mail catcher (read at http://127.0.0.1:<port+1>/messages). AUTH_SECRET and
 * DOCUMENT_KEY are generated for the run when not given: every node must share them. Each node
 * migrates at start (the migrations' advisory lock lets one apply each), runs the outbox sender and
 * the scheduled jobs (their leases let one node run each per interval). Ctrl-C stops the nodes
 * gracefully (SIGTERM), then the rest.
 *
 * The proxy here is for this recipe only: round robin, appends the client's address to
 * X-Forwarded-For (the nodes run with TRUST_PROXY=true). In production use nginx, HAProxy, Caddy
 * or the provider's load balancer, with /api/ready as the health check.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMailCatcher, type MailCatcher } from "../lib/server/mail/catcher-core";
import { S3RVER_CREDENTIALS, startS3Server, type LocalS3Server } from "./s3-server.mjs";

export type ClusterOptions = {
  nodes?: number;
  /** The proxy's port; node i listens on port + 10 + i. */
  port?: number;
  databaseUrl: string;
  /** Extra settings for every node (rate limits, poll intervals, ...). */
  env?: Record<string, string>;
  /** Where each node's log goes (node-<i>.log); default a temporary folder. */
  logDir?: string;
  /** Echo the nodes' log lines to this process's stdout. */
  echo?: boolean;
};

export type ClusterNode = { index: number; port: number; url: string; logFile: string; dataDir: string; process: ChildProcess; exited: Promise<number | null> };

export type Cluster = {
  url: string;
  nodes: ClusterNode[];
  s3: LocalS3Server | null;
  mail: MailCatcher | null;
  env: Record<string, string>;
  /** Log lines (parsed JSON) of every node, read from their files now. */
  logLines(): { node: number; line: Record<string, unknown> }[];
  /** SIGTERM to one node; resolves with its exit code. */
  stopNode(i: number): Promise<number | null>;
  stop(): Promise<void>;
};

async function waitReady(url: string, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  let gone = false;
  exited.then(
    () => (gone = true),
    () => (gone = true),
  );
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (gone) throw new Error(`node ${url} exited before it was ready`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`node ${url} not ready within ${timeoutMs} ms`);
}

function startProxy(port: number, upstreams: number[]): Promise<Server> {
  let next = 0;
  const server = createServer((req, res) => {
    const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress].flat().filter(Boolean).join(", ");
    // A request without a body goes to the next node when one refuses the connection (stopped
    // for a deploy), as a load balancer's passive health check does; one with a body is not replayed.
    const replayable = req.method === "GET" || req.method === "HEAD";
    const send = (tries: number) => {
      const target = upstreams[next++ % upstreams.length]!;
      const upstream = request(
        { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": forwarded, "x-forwarded-proto": "http" } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", (e: NodeJS.ErrnoException) => {
        if (replayable && e.code === "ECONNREFUSED" && tries < upstreams.length && !res.headersSent) return send(tries + 1);
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end("bad gateway");
      });
      if (replayable) upstream.end();
      else req.pipe(upstream);
    };
    send(1);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const count = opts.nodes ?? 2;
  const port = opts.port ?? 8080;
  const logDir = opts.logDir ?? mkdtempSync(path.join(tmpdir(), "autodossier-cluster-"));
  const base = { ...process.env, ...opts.env } as Record<string, string>;

  const s3 = base.DOCUMENTS_S3_BUCKET ? null : await startS3Server({ bucket: "documents" });
  const mail = base.SMTP_URL ? null : await startMailCatcher({ port: 0, keep: 5000 });
  const env: Record<string, string> = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: `http://localhost:${port}`,
    TRUST_PROXY: "true",
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET: base.AUTH_SECRET ?? randomBytes(32).toString("base64"),
    DOCUMENT_KEY: base.DOCUMENT_KEY ?? randomBytes(32).toString("base64"),
    ...(s3
      ? {
          DOCUMENTS_S3_BUCKET: s3.bucket,
          DOCUMENTS_S3_ENDPOINT: s3.endpoint,
          DOCUMENTS_S3_FORCE_PATH_STYLE: "true",
          DOCUMENTS_S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
          DOCUMENTS_S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        }
      : {}),
    ...(mail ? { SMTP_URL: `smtp://127.0.0.1:${mail.port}` } : {}),
    ...opts.env,
  };

  const nodes: ClusterNode[] = [];
  for (let i = 0; i < count; i++) {
    const nodePort = port + 10 + i;
    const logFile = path.join(logDir, `node-${i}.log`);
    // The node's own folder: with S3 storage and PostgreSQL nothing should land in it.
    const dataDir = path.join(logDir, `node-${i}-data`);
    const out = createWriteStream(logFile);
    // Every node at once: they race for the migrations and the jobs, as a rolling start does.
    const child = spawn(process.execPath, ["scripts/server.mjs"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(nodePort), DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    if (opts.echo) {
      child.stdout!.on("data", (b: Buffer) => process.stdout.write(b.toString().replace(/^(?=.)/gm, `[node ${i}] `)));
      child.stderr!.on("data", (b: Buffer) => process.stderr.write(b.toString().replace(/^(?=.)/gm, `[node ${i}] `)));
    }
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    nodes.push({ index: i, port: nodePort, url: `http://localhost:${nodePort}`, logFile, dataDir, process: child, exited });
  }
  try {
    await Promise.all(nodes.map((n) => waitReady(n.url, n.exited, 120_000)));
  } catch (e) {
    for (const n of nodes) n.process.kill("SIGKILL");
    await s3?.close();
    await mail?.close();
    throw new Error(`${(e as Error).message}; logs in ${logDir}`);
  }
  const proxy = await startProxy(
    port,
    nodes.map((n) => n.port),
  );

  const stopNode = async (i: number) => {
    const n = nodes[i]!;
    if (n.process.exitCode === null && n.process.signalCode === null) n.process.kill("SIGTERM");
    return n.exited;
  };
  return {
    url: `http://localhost:${port}`,
    nodes,
    s3,
    mail,
    env,
    logLines: () =>
      nodes.flatMap((n) =>
        readFileSync(n.logFile, "utf8")
          .split("\n")
          .filter((l) => l.startsWith("{"))
          .map((l) => ({ node: n.index, line: JSON.parse(l) as Record<string, unknown> })),
      ),
    stopNode,
    async stop() {
      await Promise.all(nodes.map((_, i) => stopNode(i)));
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      await s3?.close();
      await mail?.close();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : fallback;
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is required: the nodes share one PostgreSQL (the embedded database admits one process only)");
    process.exit(2);
  }
  const cluster = await startCluster({ databaseUrl, nodes: Number(arg("nodes", "2")), port: Number(arg("port", "8080")), echo: true });
  let mailServer: Server | null = null;
  if (cluster.mail) {
    const mail = cluster.mail;
    const mailPort = Number(arg("port", "8080")) + 1;
    mailServer = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(mail.messages.map((m) => ({ to: m.to, subject: m.subject, text: m.text, receivedAt: m.receivedAt }))));
    }).listen(mailPort, "127.0.0.1");
    console.log(`e-mail caught: http://127.0.0.1:${mailPort}/messages`);
  }
  console.log(`${cluster.nodes.length} nodes ready behind ${cluster.url} (nodes: ${cluster.nodes.map((n) => n.url).join(", ")})`);
  const stop = () => {
    console.log("stopping the nodes (SIGTERM), then the proxy");
    mailServer?.close();
    cluster.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
