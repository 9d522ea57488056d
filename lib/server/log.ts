/**
 * The server's log: one JSON line per event on stdout (pino), with level, time, msg, and the
 * request id or job id of the work it belongs to (docs/decisions/0014-logging.md).
 *
 *   log.info({ outboxId }, "e-mail sent");
 *   log.error({ err }, "upload failed");       // err: type, message and stack
 *   withRequest(requestIdFrom(headers), () => useCase(...));  // its lines carry requestId
 *   runJob("purge", () => purgeDocuments());  // its lines carry job and a new jobId
 *
 * Never log passwords, tokens, document contents or e-mail bodies; fields named password, token,
 * authorization or cookie are redacted anyway.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { env } from "./env";

export type { Logger };

const SECRET_FIELDS = ["password", "token", "authorization", "cookie"];

/** A logger writing JSON lines to `destination` (stdout by default). */
export function createLogger(options: { level?: Level | "silent"; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // The field itself and up to two levels down, e.g. { user: { password } }, { req: { headers: { cookie } } }.
      redact: { paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]), censor: "[redacted]" },
    },
    options.destination,
  );
}

/**
 * The log and its helpers around a root logger. `log` is whichever logger the current request or
 * job bound (AsyncLocalStorage), else the root: code deep in a use case logs with `log` and its
 * lines still carry the id of the request or job that called it.
 */
export function createLogging(root: () => Logger) {
  const bound = new AsyncLocalStorage<Logger>();
  const current = () => bound.getStore() ?? root();
  const log = new Proxy({} as Logger, {
    get(_t, prop) {
      const logger = current();
      const value = Reflect.get(logger, prop, logger);
      return typeof value === "function" ? value.bind(logger) : value;
    },
  });
  return {
    log,
    /** Runs `fn` with every line it logs carrying `requestId`. */
    withRequest<T>(requestId: string, fn: () => T): T {
      return bound.run(current().child({ requestId }), fn);
    },
    /** Runs one run of a background job: every line it logs carries `job` and a new `jobId`. */
    runJob<T>(job: string, fn: () => T): T {
      return bound.run(root().child({ job, jobId: randomUUID() }), fn);
    },
  };
}

let root: Logger | undefined;

/** Created on first use (not at import: `next build` needs no configuration), at LOG_LEVEL. */
export const { log, withRequest, runJob } = createLogging(() => (root ??= createLogger({ level: env.LOG_LEVEL })));

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the X-Request-Id set by the server (scripts/server.mjs) or a reverse proxy in
 * front of it, when it looks like an id; otherwise a new one (e.g. under `next dev`).
 */
export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}
