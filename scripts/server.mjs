// The production server: Next's request handler behind node:http, so that the client address
// the sign-in and reset rate limits count is the socket's own, not a header the client can
// forge (`next start` keeps any X-Forwarded-For the client sends). With TRUST_PROXY=true
// (behind a reverse proxy that appends the client's address) the last entry is taken instead.
// Usage: node scripts/server.mjs  (PORT, default 3000)
import { createServer } from "node:http";
import next from "next";
import { clientAddress } from "./client-address.mjs";

const port = Number(process.env.PORT || 3000);
const trustProxy = ["true", "1"].includes(process.env.TRUST_PROXY ?? "");

const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers["x-forwarded-for"] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustProxy);
  delete req.headers["x-real-ip"];
  handle(req, res);
});
server.listen(port, () => console.log(`[server] ready on http://localhost:${port}`));

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
