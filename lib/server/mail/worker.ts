import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "../db";
import { env } from "../env";
import { log, runJob } from "../log";
import { startMailCatcher, type MailCatcher } from "./catcher-core";
import { deliverDue } from "./sender";
import { onMailQueued } from "./notify";
import { isShuttingDown, onShutdown, whenIdle } from "../shutdown";

/**
 * The in-process sender: polls the outbox and is kicked after each change that wrote e-mail.
 * It runs inside the server process because the embedded database admits one process only.
 */
const g = globalThis as unknown as {
  __mail?: { transport: Transporter; catcher: MailCatcher | null; running: boolean; again: boolean; timer?: NodeJS.Timeout };
};

async function state() {
  if (!g.__mail) {
    let catcher: MailCatcher | null = null;
    let transport: Transporter;
    if (env.SMTP_URL) {
      transport = nodemailer.createTransport(env.SMTP_URL);
    } else {
      catcher = await startMailCatcher();
      transport = nodemailer.createTransport({ host: "127.0.0.1", port: catcher.port, secure: false, ignoreTLS: true });
      log.info({ port: catcher.port }, `no SMTP_URL: built-in mail catcher on 127.0.0.1:${catcher.port}, read it at ${env.APP_URL}/dev/mail`);
    }
    g.__mail = { transport, catcher, running: false, again: false };
  }
  return g.__mail;
}

export async function builtInCatcher(): Promise<MailCatcher | null> {
  if (env.SMTP_URL) return null;
  return (await state()).catcher;
}

/** One delivery run: every line it logs carries job "mail" and the run's jobId. */
const run = (): Promise<void> => runJob("mail", deliver);

async function deliver(): Promise<void> {
  const s = await state();
  if (isShuttingDown()) return;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    do {
      s.again = false;
      await deliverDue({ prisma: db, transport: s.transport, from: env.MAIL_FROM });
    } while (s.again && !isShuttingDown());
  } catch (e) {
    log.error({ err: e }, "e-mail delivery run failed");
  } finally {
    s.running = false;
  }
}

/** Deliver now (after a commit that wrote e-mail); never throws. */
export function kickMailer(): void {
  void run().catch((e) => log.error({ err: e }, "mail delivery run failed"));
}

export async function startMailWorker(): Promise<void> {
  const s = await state();
  if (s.timer) return;
  onMailQueued(kickMailer);
  s.timer = setInterval(() => void run().catch((e) => log.error({ err: e }, "mail delivery run failed")), env.MAIL_POLL_MS);
  s.timer.unref();
  onShutdown("mail", async () => {
    clearInterval(s.timer);
    // The batch being sent finishes (each claimed row is marked sent or put back); no new one starts.
    await whenIdle(() => s.running);
  });
  void run().catch((e) => log.error({ err: e }, "mail delivery run failed"));
}
