// The production server: Next's request handler behind node:http, so that the client address
// the sign-in and reset rate limits count is the socket's own, not a header the client can
// forge (`next start` keeps any X-Forwarded-For the client sends). With TRUST_PROXY=true
// (behind a reverse proxy that appends the client's address) the last entry is taken instead.
// Each request gets an X-Request-Id (a reverse proxy's own when it sent one) that the app's log
// lines about it carry (lib/server/log.ts) and that the response returns, for support to quote.
// Usage: node scripts/server.mjs  (PORT, default 3000)
import next from "next";
import pino from "pino";
import { createAppServer, stopGracefully } from "./app-server.mjs";

const port = Number(process.env.PORT || 3000);
const trustProxy = ["true", "1"].includes(process.env.TRUST_PROXY ?? "");

const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

// The same JSON lines as lib/server/log.ts. LOG_LEVEL was validated by the app's configuration
// (lib/server/env.ts) while prepare() ran the instrumentation hook.
const log = pino({
  level: process.env.LOG_LEVEL?.trim() || "info",
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

const server = createAppServer({ handle, trustProxy, log });
server.listen(port, () => log.info({ port }, `ready on http://localhost:${port}`));

// A graceful stop (scripts/app-server.mjs stopGracefully), bounded by SHUTDOWN_TIMEOUT_MS
// (default 25 s, under the usual 30 s grace period of process managers and orchestrators).
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 25_000);
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal: sig }, "stopping: no new connections, finishing requests in flight");
    void stopGracefully(server, { timeoutMs: shutdownTimeoutMs, afterRequests: async () => globalThis.__autodossierShutdown?.(), log }).then((code) => {
      log.info({ code }, "stopped");
      process.exit(code);
    });
  });
}
