/**
 * Faults: the SMTP server down, answering 421, answering 550, and the connection dropped in the
 * middle of a message. The real outbox sender (lib/server/mail/sender.ts) delivers to a real SMTP
 * server (the mail catcher) through a TCP relay that can refuse connections or cut one mid-message;
 * after the fault the sender keeps running on a clock moved past every back-off. Each queued
 * e-mail must then be delivered exactly once (counted by its Message-ID at the server), or, for a
 * permanent 550, be marked FAILED with the server's reason and never sent: none lost silently,
 * none sent twice. The file has a database of its own, so the sender sees only its e-mails.
 */
import "@/tests/support/own-database";
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { enqueueEmail } from "@/lib/server/mail/outbox";
import { deliverDue } from "@/lib/server/mail/sender";
import { startMailCatcher, type MailCatcher } from "@/lib/server/mail/catcher-core";
import { uniqueEmail } from "@/tests/factories";

const FROM = "Autodossier <no-reply@autodossier.test>";
const PER_CASE = 5;
const figures = { queued: 0, deliveredOnce: 0, duplicates: 0, failedWithReason: 0, lost: 0 };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await db.outboxEmail.deleteMany();
});

afterAll(() => {
  console.log(
    `[proof] faults, SMTP: ${figures.queued} e-mails queued across 4 faults, ${figures.deliveredOnce} delivered exactly once, ` +
      `${figures.failedWithReason} refused for good (550) and marked failed with the reason, ${figures.duplicates} sent twice, ${figures.lost} lost`,
  );
});

/** A TCP relay in front of the SMTP server: passes through, refuses connections, or cuts a message in the middle. */
async function relay(target: number) {
  let mode: "pass" | "down" | "cut" = "pass";
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (mode === "down") return void client.destroy();
    const upstream = connect(target, "127.0.0.1");
    sockets.add(client).add(upstream);
    let inData = false;
    client.on("data", (chunk: Buffer) => {
      if (mode === "cut" && inData) {
        // Part of the message reaches the server, then the connection is gone.
        upstream.write(chunk.subarray(0, Math.min(chunk.length, 40)), () => {
          cuts++;
          client.destroy();
          upstream.destroy();
        });
        return;
      }
      if (/^DATA\r\n/m.test(chunk.toString("latin1"))) inData = true;
      upstream.write(chunk);
    });
    upstream.on("data", (c: Buffer) => client.write(c));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return {
    port: (server.address() as AddressInfo).port,
    set: (m: typeof mode) => void (mode = m),
    cuts: () => cuts,
  };
}

async function catcher(refuse?: { code: number; message: string; times: number }): Promise<MailCatcher> {
  let left = refuse?.times ?? 0;
  const c = await startMailCatcher({ onData: () => (refuse && left-- > 0 ? { code: refuse.code, message: refuse.message } : null) });
  cleanups.push(() => c.close());
  return c;
}

function transportTo(port: number) {
  const t = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 3_000, greetingTimeout: 3_000, socketTimeout: 5_000 });
  cleanups.push(async () => t.close());
  return t;
}

async function queueMails(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < PER_CASE; i++) {
    ids.push(await db.$transaction((tx) => enqueueEmail(tx, { to: uniqueEmail("fault"), locale: "nl", template: "password-changed", payload: { name: "Anna" } })));
  }
  figures.queued += ids.length;
  return ids;
}

/** The sender as the server runs it, on a clock that jumps past each back-off, until nothing is due. */
async function sendUntilDone(port: number, start: number) {
  let now = start;
  for (let round = 0; round < 10; round++) {
    await deliverDue({ prisma: db, transport: transportTo(port), from: FROM, now: new Date(now) });
    if ((await db.outboxEmail.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0) return;
    now += 2 * 3600_000;
  }
}

/** How often each row reached the server, and the rows' final state; adds to the figures. */
async function account(ids: string[], smtp: MailCatcher, expectSent: boolean) {
  const rows = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
  for (const id of ids) {
    const copies = smtp.messages.filter((m) => m.messageId === `<${id}@autodossier.outbox>`).length;
    const row = rows.find((r) => r.id === id);
    if (copies > 1) figures.duplicates++;
    if (copies === 1 && row?.status === "SENT") figures.deliveredOnce++;
    else if (copies === 0 && row?.status === "FAILED" && row.lastError) figures.failedWithReason++;
    else if (copies === 0) figures.lost++;
    expect({ id, copies, status: row?.status }).toEqual({ id, copies: expectSent ? 1 : 0, status: expectSent ? "SENT" : "FAILED" });
  }
}

describe("e-mail delivery under SMTP faults: none lost, none sent twice", () => {
  it("the SMTP server is down: the e-mails wait, and each goes out once when it is back", async () => {
    const smtp = await catcher();
    const r = await relay(smtp.port);
    const ids = await queueMails();
    const t0 = Date.now();
    r.set("down");
    const during = await deliverDue({ prisma: db, transport: transportTo(r.port), from: FROM, now: new Date(t0) });
    expect(during).toEqual({ sent: 0, retried: PER_CASE, failed: 0 });
    expect(await db.outboxEmail.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(PER_CASE);
    r.set("pass");
    await sendUntilDone(r.port, t0 + 3600_000);
    await account(ids, smtp, true);
  });

  it("the server answers 421 (try again later): each e-mail is retried and goes out once", async () => {
    const smtp = await catcher({ code: 421, message: "4.3.2 Try again later", times: PER_CASE * 2 });
    const ids = await queueMails();
    await sendUntilDone(smtp.port, Date.now());
    await account(ids, smtp, true);
    expect((await db.outboxEmail.findMany({ where: { id: { in: ids } } })).every((row) => row.attempts >= 2)).toBe(true);
  });

  it("the server answers 550 (refused for good): each e-mail is marked failed with the reason, and never retried", async () => {
    const smtp = await catcher({ code: 550, message: "5.1.1 Mailbox unavailable", times: 1000 });
    const ids = await queueMails();
    await sendUntilDone(smtp.port, Date.now());
    await account(ids, smtp, false);
    const rows = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.attempts === 1 && /Mailbox unavailable/.test(row.lastError ?? ""))).toBe(true);
  });

  it("the connection drops in the middle of a message: the server keeps nothing, and each e-mail goes out once on a later try", async () => {
    const smtp = await catcher();
    const r = await relay(smtp.port);
    const ids = await queueMails();
    const t0 = Date.now();
    r.set("cut");
    await deliverDue({ prisma: db, transport: transportTo(r.port), from: FROM, now: new Date(t0) });
    expect(r.cuts()).toBe(PER_CASE);
    expect(smtp.messages).toHaveLength(0);
    expect(await db.outboxEmail.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(PER_CASE);
    r.set("pass");
    await sendUntilDone(r.port, t0 + 3600_000);
    await account(ids, smtp, true);
  });
});
