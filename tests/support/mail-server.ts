/**
 * The end-to-end tests' SMTP mail catcher: SMTP on E2E_SMTP_PORT, the caught messages as JSON
 * on E2E_MAIL_HTTP_PORT (GET /messages?to=address), and on the same port under /rdw the RDW's
 * open data replayed from tests/fixtures/rdw/ (the end-to-end server's RDW_API_URL).
 */
import { createServer } from "node:http";
import { startMailCatcher } from "../../lib/server/mail/catcher-core";
import { replayRdw } from "./rdw-replay";

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3125);
const httpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 3126);

const catcher = await startMailCatcher({ port: smtpPort, keep: 5000 });
const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/health") return void res.end("ok");
  if (replayRdw(req, res, "/rdw")) return;
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    const list = to ? catcher.messages.filter((m) => m.to.includes(to)) : catcher.messages;
    res.setHeader("content-type", "application/json");
    return void res.end(JSON.stringify(list));
  }
  res.statusCode = 404;
  res.end();
});
http.listen(httpPort, "127.0.0.1", () => console.log(`[mail-catcher] smtp :${smtpPort} http :${httpPort}`));
const stop = () =>
  void catcher
    .close()
    .then(() => http.close(() => process.exit(0)))
    .catch((e) => {
      console.error("[mail-catcher] could not stop", e);
      process.exit(1);
    });
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
