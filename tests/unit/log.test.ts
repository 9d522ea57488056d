import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, createLogging, requestIdFrom } from "@/lib/server/log";

/** A logger writing into an array of lines, and the log helpers around it. */
function capture(level: "info" | "warn" = "info") {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const root = createLogger({ level, destination });
  const logging = createLogging(() => root);
  const lines = () => chunks.join("").split("\n").filter(Boolean);
  const records = () => lines().map((l) => JSON.parse(l) as Record<string, unknown>);
  return { ...logging, lines, records };
}

describe("the server log", () => {
  it("writes one JSON line per event with level, time and msg", () => {
    const { log, lines, records } = capture();
    log.info({ outboxId: "o1" }, "e-mail sent");
    log.warn("second event");
    expect(lines()).toHaveLength(2);
    const [first, second] = records();
    expect(first).toMatchObject({ level: "info", msg: "e-mail sent", outboxId: "o1" });
    expect(new Date(first.time as string).toISOString()).toBe(first.time);
    expect(second).toMatchObject({ level: "warn", msg: "second event" });
  });

  it("writes nothing below its level", () => {
    const { log, lines } = capture("warn");
    log.info("not shown");
    log.debug("not shown");
    log.error("shown");
    expect(lines()).toHaveLength(1);
  });

  it("logs an error with its type, message and stack under err", () => {
    const { log, records } = capture();
    log.error({ err: new TypeError("boom") }, "upload failed");
    const err = records()[0].err as Record<string, string>;
    expect(err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(err.stack).toMatch(/^TypeError: boom\n\s+at /);
  });

  it("gives every line of one request its request id, also from code that only imports log", async () => {
    const { log, withRequest, records } = capture();
    const useCase = async () => {
      await new Promise((r) => setTimeout(r, 1));
      log.warn("deep in a use case");
    };
    await Promise.all([withRequest("req-a", useCase), withRequest("req-b", useCase)]);
    log.info("outside any request");
    const [a, b, outside] = records();
    expect([a.requestId, b.requestId].sort()).toEqual(["req-a", "req-b"]);
    expect(a.msg).toBe("deep in a use case");
    expect(outside).not.toHaveProperty("requestId");
  });

  it("gives every line of one job run the job's name and the same jobId, a new one per run", async () => {
    const { log, runJob, records } = capture();
    const run = () =>
      runJob("purge", async () => {
        log.info("first line");
        await new Promise((r) => setTimeout(r, 1));
        log.info("second line");
      });
    await run();
    await run();
    const lines = records();
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l.job).toBe("purge");
    expect(lines[0].jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[1].jobId).toBe(lines[0].jobId);
    expect(lines[3].jobId).toBe(lines[2].jobId);
    expect(lines[2].jobId).not.toBe(lines[0].jobId);
  });

  it("redacts password, token, authorization and cookie fields, also nested", () => {
    const { log, lines, records } = capture();
    log.info(
      {
        password: "hunter2-secret",
        user: { email: "a@example.test", password: "hunter2-secret", token: "tok-secret" },
        req: { headers: { authorization: "Bearer abc-secret", cookie: "sid=cookie-secret" } },
      },
      "sign-in",
    );
    expect(lines()[0]).not.toMatch(/secret/);
    const [line] = records();
    expect(line).toMatchObject({
      password: "[redacted]",
      user: { email: "a@example.test", password: "[redacted]", token: "[redacted]" },
      req: { headers: { authorization: "[redacted]", cookie: "[redacted]" } },
    });
  });
});

describe("the request id", () => {
  it("is the incoming X-Request-Id when it looks like one", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "3f2c9a1e-proxy.42" }))).toBe("3f2c9a1e-proxy.42");
  });

  it("is a new one when none came, or when the incoming one could forge a log line", () => {
    const fresh = requestIdFrom(new Headers());
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers())).not.toBe(fresh);
    expect(requestIdFrom(new Headers({ "x-request-id": 'x" injected' }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers({ "x-request-id": "a".repeat(129) }))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
