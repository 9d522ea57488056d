/**
 * A stand-in for the RDW's open data API that replays the recorded answers in tests/fixtures/rdw/
 * (see its README): `GET <prefix>/resource/<dataset>.json?kenteken=<PLATE>` answers the file
 * `<dataset>/<PLATE>.json`, or `[]` like the RDW for a plate it does not know.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/rdw");

/** Answers a request under `prefix` and returns true, or returns false for any other path. */
export function replayRdw(req: IncomingMessage, res: ServerResponse, prefix = ""): boolean {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith(`${prefix}/resource/`)) return false;
  const m = /^\/resource\/([a-z0-9]{4}-[a-z0-9]{4})\.json$/.exec(url.pathname.slice(prefix.length));
  const plate = url.searchParams.get("kenteken") ?? "";
  res.setHeader("content-type", "application/json;charset=utf-8");
  if (!m || req.method !== "GET" || !/^[A-Z0-9]{1,8}$/.test(plate)) {
    res.statusCode = 400;
    res.end(JSON.stringify({ error: true, message: "bad request" }));
    return true;
  }
  let body = "[]";
  try {
    body = readFileSync(path.join(FIXTURES, m[1], `${plate}.json`), "utf8");
  } catch {
    // Unknown plate: the RDW answers an empty array.
  }
  res.end(body);
  return true;
}

/** A replay server of its own on 127.0.0.1 (a free port); its base URL is what RDW_API_URL takes. */
export async function startRdwReplay(): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (!replayRdw(req, res)) {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
