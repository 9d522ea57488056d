// The HTTP server around Next's request handler (scripts/server.mjs): the client address, the
// request id, and the connection timeouts. Separate from server.mjs so tests can run it with a
// handler of their own, without a build.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { clientAddress } from "./client-address.mjs";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * How long a kept-alive connection may sit idle before the server closes it. Longer than any
 * client keeps an idle connection for reuse (Node's agents, so fetch and Playwright: 5 s;
 * browsers: up to 60 s; reverse proxies: typically 60 s), so the client always closes first.
 * Node's default, 5 s, equals Node's own agents' idle time: a client reusing a connection just as
 * the server closed it got `read ECONNRESET` (a flaky end-to-end test showed it).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Above the keep-alive timeout, so the next request on a reused connection is not cut off by a shorter headers timeout. */
export const HEADERS_TIMEOUT_MS = 66_000;

/**
 * @param {{
 *   handle: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<unknown>,
 *   trustProxy: boolean,
 *   log: { error: (obj: object, msg: string) => void },
 * }} options
 * @returns {import("node:http").Server}
 */
/**
 * Requests in flight per connection, for a graceful stop: Node's closeIdleConnections() leaves a
 * connection that was opened but has not sent a request yet (a browser's speculative preconnect)
 * open until the headers timeout (66 s), which held a stop past its time limit.
 * @type {WeakMap<import("node:http").Server, Map<import("node:net").Socket, number>>}
 */
const connections = new WeakMap();

/**
 * Closes every connection with no request in flight, fresh ones included.
 * @param {import("node:http").Server} server
 */
export function closeQuietConnections(server) {
  const open = connections.get(server);
  if (!open) return server.closeIdleConnections();
  for (const [socket, requests] of open) if (requests === 0) socket.destroy();
}

export function createAppServer({ handle, trustProxy, log }) {
  /** @type {Map<import("node:net").Socket, number>} */
  const open = new Map();
  const server = createServer((req, res) => {
    const socket = req.socket;
    if (open.has(socket)) open.set(socket, (open.get(socket) ?? 0) + 1);
    res.on("close", () => {
      if (open.has(socket)) open.set(socket, Math.max(0, (open.get(socket) ?? 1) - 1));
    });
    req.headers["x-forwarded-for"] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustProxy);
    delete req.headers["x-real-ip"];
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    handle(req, res).catch((err) => {
      log.error({ err, requestId, method: req.method }, "request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  connections.set(server, open);
  server.on("connection", (socket) => {
    open.set(socket, 0);
    socket.on("close", () => open.delete(socket));
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return server;
}

/**
 * A graceful stop (SIGTERM from a process manager, a rolling deploy): stop taking connections,
 * let the requests in flight finish (idle kept-alive connections are closed, so they do not hold
 * the stop up), then run `afterRequests` (the background workers finish their current batch:
 * lib/server/shutdown.ts). Resolves with the exit code: 0, or 1 when `timeoutMs` ran out first.
 *
 * @param {import("node:http").Server} server
 * @param {{ timeoutMs: number, afterRequests: () => Promise<unknown>, log: { info: (obj: object, msg?: string) => void, warn: (obj: object, msg?: string) => void } }} options
 * @returns {Promise<number>}
 */
export function stopGracefully(server, { timeoutMs, afterRequests, log }) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      log.warn({ timeoutMs }, "stop took too long: exiting with work unfinished");
      resolve(1);
    }, timeoutMs);
    timer.unref();
    const idle = setInterval(() => closeQuietConnections(server), 100);
    server.close(() => {
      clearInterval(idle);
      log.info({}, "requests finished; stopping background workers");
      afterRequests().then(
        () => {
          clearTimeout(timer);
          resolve(0);
        },
        () => {
          clearTimeout(timer);
          resolve(1);
        },
      );
    });
    closeQuietConnections(server);
  });
}
