import { Agent, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error a plain ES module of the server script, without types
import { createAppServer } from "../../scripts/app-server.mjs";
import type { Server } from "node:http";

// The production server's own HTTP layer (scripts/server.mjs runs Next's handler in it), with a
// handler that answers at once.
let server: Server;
let port: number;

beforeAll(async () => {
  server = createAppServer({
    handle: async (_req: IncomingMessage, res: import("node:http").ServerResponse) => {
      res.setHeader("Content-Type", "text/plain");
      res.end("ok");
    },
    trustProxy: false,
    log: { error: () => {} },
  }) as Server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function get(agent: Agent): Promise<{ status: number; body: string; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, reusedSocket: req.reusedSocket }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the production server's kept-alive connections", () => {
  it("outlive the idle time of the clients that reuse them (Node's agents: 5 s; browsers and proxies: up to 60 s)", () => {
    // Node's default of 5 s equals the idle timeout of Node's own agents (Playwright's request
    // context, fetch): a client reusing a connection just as the server closes it gets ECONNRESET.
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    // A request's headers may take as long as the connection may idle, and a little more.
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it("answers a request on a connection that sat idle for more than 5 seconds", async () => {
    // Node closes an idle connection 1 s after its keepAliveTimeout: 6 s with the default.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent);
      expect(first).toMatchObject({ status: 200, body: "ok", reusedSocket: false });
      await new Promise((r) => setTimeout(r, 7_000));
      const second = await get(agent);
      // The same connection: the server did not close it after 5 s of quiet.
      expect(second).toMatchObject({ status: 200, body: "ok", reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });
});

describe("the production server's graceful stop", () => {
  it("finishes the request in flight, refuses new connections, then lets the workers finish", async () => {
    // @ts-expect-error a plain ES module of the server script, without types
    const { createAppServer: create, stopGracefully } = await import("../../scripts/app-server.mjs");
    const order: string[] = [];
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => (release = r));
    const s = create({
      handle: async (_req: IncomingMessage, res: import("node:http").ServerResponse) => {
        order.push("request started");
        await slow;
        res.end("done");
        order.push("request answered");
      },
      trustProxy: false,
      log: { error: () => {} },
    }) as Server;
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const p = (s.address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true });
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: p, path: "/", agent }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end();
    });
    await expect.poll(() => order.includes("request started")).toBe(true);

    const stopped = stopGracefully(s, {
      timeoutMs: 10_000,
      afterRequests: async () => {
        order.push("workers stopped");
      },
      log: { info: () => {}, warn: () => {} },
    });
    // A new connection is refused while the old request is still running.
    await expect(
      new Promise((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port: p, path: "/", agent: false }, resolve);
        req.on("error", reject);
        req.end();
      }),
    ).rejects.toMatchObject({ code: "ECONNREFUSED" });
    release();
    expect(await inFlight).toEqual({ status: 200, body: "done" });
    expect(await stopped).toBe(0);
    expect(order).toEqual(["request started", "request answered", "workers stopped"]);
    agent.destroy();
  });

  it("is not held up by a connection that never sent a request (a browser's preconnect)", async () => {
    // @ts-expect-error a plain ES module of the server script, without types
    const { createAppServer: create, stopGracefully } = await import("../../scripts/app-server.mjs");
    const { connect } = await import("node:net");
    const s = create({ handle: async (_req: IncomingMessage, res: import("node:http").ServerResponse) => res.end("ok"), trustProxy: false, log: { error: () => {} } }) as Server;
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const p = (s.address() as AddressInfo).port;
    const idle = connect(p, "127.0.0.1");
    idle.on("error", () => {});
    await new Promise((r) => idle.once("connect", r));
    const closed = new Promise((r) => idle.once("close", r));
    const started = Date.now();
    const code = await stopGracefully(s, { timeoutMs: 5_000, afterRequests: async () => {}, log: { info: () => {}, warn: () => {} } });
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_000);
    await closed;
  });

  it("gives up with exit code 1 when a request outlasts the time allowed", async () => {
    // @ts-expect-error a plain ES module of the server script, without types
    const { createAppServer: create, stopGracefully } = await import("../../scripts/app-server.mjs");
    const s = create({ handle: () => new Promise(() => {}), trustProxy: false, log: { error: () => {} } }) as Server;
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const p = (s.address() as AddressInfo).port;
    const req = request({ host: "127.0.0.1", port: p, path: "/", agent: false });
    req.on("error", () => {});
    req.end();
    await new Promise((r) => setTimeout(r, 100));
    let workersStopped = false;
    const code = await stopGracefully(s, {
      timeoutMs: 300,
      afterRequests: async () => {
        workersStopped = true;
      },
      log: { info: () => {}, warn: () => {} },
    });
    expect(code).toBe(1);
    expect(workersStopped).toBe(false);
    s.closeAllConnections();
    req.destroy();
  });
});
