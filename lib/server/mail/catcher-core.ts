/**
 * A real SMTP mail catcher (smtp-server + mailparser), used by development when no SMTP_URL is
 * configured and by the end-to-end tests. Keeps the last messages in memory.
 */
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";

export interface CaughtMail {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | null;
  headers: Record<string, string>;
  /** Attached files, their content as text (calendar files are text). */
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailCatcher {
  port: number;
  messages: CaughtMail[];
  close(): Promise<void>;
}

export interface CatcherOptions {
  port?: number;
  host?: string;
  keep?: number;
  /** Called before accepting a message; return an SMTP error to refuse it (for failure tests). */
  onData?: () => { code: number; message: string } | null;
}

export async function startMailCatcher(opts: CatcherOptions = {}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "Autodossier mail catcher",
    onData(stream, session, callback) {
      const refusal = opts.onData?.();
      if (refusal) {
        stream.resume();
        stream.on("end", () => {
          const err = new Error(refusal.message) as Error & { responseCode: number };
          err.responseCode = refusal.code;
          callback(err);
        });
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          messages.push({
            id: ++seq,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? null,
            headers: Object.fromEntries(
              [...mail.headers.entries()].map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
            ),
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content.toString("utf8") })),
          });
          if (messages.length > (opts.keep ?? 500)) messages.splice(0, messages.length - (opts.keep ?? 500));
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  server.on("error", () => {});
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
