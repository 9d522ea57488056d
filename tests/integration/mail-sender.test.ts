/**
 * The outbox sender against a real SMTP server (the mail catcher) and the real database.
 *
 * deliverDue takes every due row of the outbox, and other test files write outbox rows (due at
 * the real time) into the same PostgreSQL database in parallel. So each test here runs its sender
 * on a clock of its own far in the past (`now`), with its rows due on that clock only: rows of
 * other files are never due there and are left alone, and this file's rows are removed after
 * each test. Messages are counted per recipient, each recipient unique to its test.
 */
import { createServer } from "node:net";
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { enqueueEmail } from "@/lib/server/mail/outbox";
import { backoffMs, deliverDue, MAX_ATTEMPTS } from "@/lib/server/mail/sender";
import { startMailCatcher, type CatcherOptions, type MailCatcher } from "@/lib/server/mail/catcher-core";
import { renderEmail } from "@/emails";
import { uniqueEmail } from "../factories";

const FROM = "Autodossier <no-reply@autodossier.test>";
const S = 1000;

let epoch = Date.UTC(2001, 0, 1);
/** A fresh clock for one test: a day apart from every other test's. */
const clock = () => (epoch += 24 * 3600 * S);

const recipients: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await db.outboxEmail.deleteMany({ where: { to: { in: recipients.splice(0) } } });
  for (const c of cleanups.splice(0).reverse()) await c();
});

function recipient(prefix: string): string {
  const to = uniqueEmail(prefix);
  recipients.push(to);
  return to;
}

/** Queues an e-mail the way the use cases do, due at `dueAt` on the test's clock. */
async function queue(to: string, dueAt: number, over: { template?: string; attempts?: number } = {}) {
  const id = await db.$transaction((tx) => enqueueEmail(tx, { to, locale: "en", template: "password-changed", payload: { name: "Ann" } }));
  return db.outboxEmail.update({
    where: { id },
    data: { nextAttemptAt: new Date(dueAt), ...(over.template ? { template: over.template } : {}), attempts: over.attempts ?? 0 },
  });
}

/** A real SMTP server, counting the times it was asked to accept a message. */
async function catcher(opts: CatcherOptions = {}): Promise<MailCatcher & { dataCalls: () => number }> {
  let calls = 0;
  const c = await startMailCatcher({
    ...opts,
    onData: () => {
      calls++;
      return opts.onData?.() ?? null;
    },
  });
  cleanups.push(() => c.close());
  return Object.assign(c, { dataCalls: () => calls });
}

function transportTo(port: number) {
  const t = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, greetingTimeout: 5_000 });
  cleanups.push(async () => t.close());
  return t;
}

const received = (c: MailCatcher, to: string) => c.messages.filter((m) => m.to.includes(to));
const row = (id: string) => db.outboxEmail.findUniqueOrThrow({ where: { id } });

/** Refuses the first `n` messages with `code`, then accepts. */
function refuseFirst(n: number, code: number, message: string): CatcherOptions["onData"] {
  let left = n;
  return () => (left-- > 0 ? { code, message } : null);
}

describe("deliverDue", () => {
  it("delivers a pending row once, with the row id in its Message-ID", async () => {
    const T0 = clock();
    const smtp = await catcher();
    const to = recipient("deliver");
    const queued = await queue(to, T0);

    const report = await deliverDue({ prisma: db, transport: transportTo(smtp.port), from: FROM, now: new Date(T0) });

    expect(report).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mails = received(smtp, to);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.messageId).toBe(`<${queued.id}@autodossier.outbox>`);
    expect(mail.subject).toBe((await renderEmail("password-changed", "en", { name: "Ann" })).subject);
    expect(mail.text).toContain("Ann");
    // Both parts, rendered at send time from the stored payload.
    expect(mail.html).toMatch(/<html [^>]*lang="en"/);
    expect(mail.html).toContain("Hello Ann,");
    expect(mail.from).toBe("no-reply@autodossier.test");
    expect(mail.headers["x-autodossier-template"]).toBe("password-changed");

    const after = await row(queued.id);
    expect(after).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, lastError: null });
    expect(after.sentAt).toBeInstanceOf(Date);
    expect(after.messageId).toContain(queued.id);

    // Sent is final: a later run sends nothing again.
    await deliverDue({ prisma: db, transport: transportTo(smtp.port), from: FROM, now: new Date(T0 + 3600 * S) });
    expect(received(smtp, to)).toHaveLength(1);
  });

  it("does not send a row before it is due", async () => {
    const T0 = clock();
    const smtp = await catcher();
    const to = recipient("not-due");
    const queued = await queue(to, T0 + 60 * S);
    await deliverDue({ prisma: db, transport: transportTo(smtp.port), from: FROM, now: new Date(T0) });
    expect(received(smtp, to)).toHaveLength(0);
    expect(await row(queued.id)).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("backs off after a temporary 421, does not retry early, and delivers exactly once when the server recovers", async () => {
    const T0 = clock();
    const smtp = await catcher({ onData: refuseFirst(2, 421, "4.3.2 Try again later") });
    const transport = transportTo(smtp.port);
    const to = recipient("temp-fail");
    const queued = await queue(to, T0);

    // 1st attempt: refused, back to PENDING, due again after the first backoff step.
    expect(await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let r = await row(queued.id);
    expect(r).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
    expect(r.lastError).toMatch(/421/);
    expect(r.nextAttemptAt.getTime()).toBe(T0 + backoffMs(1));
    expect(backoffMs(1)).toBe(30 * S);
    expect(smtp.dataCalls()).toBe(1);

    // Not retried before that time.
    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0 + backoffMs(1) - 1) });
    expect(smtp.dataCalls()).toBe(1);
    expect(await row(queued.id)).toMatchObject({ status: "PENDING", attempts: 1 });

    // 2nd attempt at the due time: refused again, the wait doubles.
    const T1 = T0 + backoffMs(1);
    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T1) });
    r = await row(queued.id);
    expect(r).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(r.nextAttemptAt.getTime()).toBe(T1 + backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(smtp.dataCalls()).toBe(2);
    expect(received(smtp, to)).toHaveLength(0);

    // The server has recovered: delivered, once.
    const T2 = T1 + backoffMs(2);
    expect(await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T2) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await row(queued.id)).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T2 + 3600 * S) });
    expect(received(smtp, to)).toHaveLength(1);
    expect(smtp.dataCalls()).toBe(3);
  });

  it("marks a row FAILED on a permanent 550 and never retries it", async () => {
    const T0 = clock();
    const smtp = await catcher({ onData: () => ({ code: 550, message: "5.1.1 Mailbox unavailable" }) });
    const transport = transportTo(smtp.port);
    const to = recipient("perm-fail");
    const queued = await queue(to, T0);

    expect(await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0) })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const r = await row(queued.id);
    expect(r).toMatchObject({ status: "FAILED", attempts: 1, lockedUntil: null, sentAt: null });
    expect(r.lastError).toMatch(/550/);

    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0 + 24 * 3600 * S) });
    expect(smtp.dataCalls()).toBe(1);
    expect(await row(queued.id)).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it(`gives up after ${MAX_ATTEMPTS} temporary failures`, async () => {
    const T0 = clock();
    const smtp = await catcher({ onData: () => ({ code: 451, message: "4.7.1 Greylisted" }) });
    const to = recipient("give-up");
    const queued = await queue(to, T0, { attempts: MAX_ATTEMPTS - 1 });
    expect(await deliverDue({ prisma: db, transport: transportTo(smtp.port), from: FROM, now: new Date(T0) })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await row(queued.id)).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
  });

  it("marks a row with an unknown template FAILED without sending it", async () => {
    const T0 = clock();
    const smtp = await catcher();
    const to = recipient("bad-template");
    const queued = await queue(to, T0, { template: "no-such-template" });
    await deliverDue({ prisma: db, transport: transportTo(smtp.port), from: FROM, now: new Date(T0) });
    const r = await row(queued.id);
    expect(r.status).toBe("FAILED");
    expect(r.lastError).toMatch(/unknown template/);
    expect(smtp.dataCalls()).toBe(0);
  });

  it("keeps the row when the SMTP server is down, and delivers it once the server is back", async () => {
    const T0 = clock();
    // A port nobody listens on.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const transport = transportTo(port);
    const to = recipient("server-down");
    const queued = await queue(to, T0);

    expect(await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let r = await row(queued.id);
    expect(r).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(r.nextAttemptAt.getTime()).toBe(T0 + backoffMs(1));

    // Still down at the next attempt: still kept.
    const T1 = T0 + backoffMs(1);
    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T1) });
    r = await row(queued.id);
    expect(r).toMatchObject({ status: "PENDING", attempts: 2 });

    // The server comes back on the same port.
    const smtp = await catcher({ port });
    const T2 = T1 + backoffMs(2);
    expect(await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T2) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received(smtp, to)).toHaveLength(1);
    expect(await row(queued.id)).toMatchObject({ status: "SENT", attempts: 3 });
  });

  it("marks a row stuck in SENDING past its lock FAILED and does not send it again", async () => {
    const T0 = clock();
    const smtp = await catcher();
    const transport = transportTo(smtp.port);
    const stuck = await queue(recipient("stuck"), T0 - 10 * 60 * S);
    const busy = await queue(recipient("busy"), T0 - 60 * S);
    // One sender died mid-send (its lock expired); another is still sending (lock held).
    await db.outboxEmail.update({ where: { id: stuck.id }, data: { status: "SENDING", attempts: 1, lockedUntil: new Date(T0 - 1) } });
    await db.outboxEmail.update({ where: { id: busy.id }, data: { status: "SENDING", attempts: 1, lockedUntil: new Date(T0 + 60 * S) } });

    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0) });
    const s = await row(stuck.id);
    expect(s).toMatchObject({ status: "FAILED", attempts: 1, lockedUntil: null, sentAt: null });
    expect(s.lastError).toMatch(/interrupted/);
    expect(await row(busy.id)).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(smtp.dataCalls()).toBe(0);

    // Once its lock has expired too, the other one is given up as well, still without a send.
    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0 + 61 * S) });
    expect(await row(busy.id)).toMatchObject({ status: "FAILED", attempts: 1 });
    await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0 + 24 * 3600 * S) });
    expect(smtp.dataCalls()).toBe(0);
  });

  it("delivers each due row exactly once when senders run concurrently", async () => {
    const T0 = clock();
    const smtp = await catcher();
    const tos = Array.from({ length: 24 }, (_, i) => recipient(`race-${i}`));
    const rows = await Promise.all(tos.map((to) => queue(to, T0)));

    // Three senders at once, each taking small batches until nothing is left for it.
    const sender = async () => {
      const transport = transportTo(smtp.port);
      let sent = 0;
      for (;;) {
        const r = await deliverDue({ prisma: db, transport, from: FROM, now: new Date(T0), batch: 5 });
        expect(r.retried + r.failed).toBe(0);
        if (r.sent === 0) return sent;
        sent += r.sent;
      }
    };
    const sentBy = await Promise.all([sender(), sender(), sender()]);

    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(tos.length);
    for (const to of tos) expect(received(smtp, to), to).toHaveLength(1);
    const after = await db.outboxEmail.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(after.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});
