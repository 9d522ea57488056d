/**
 * A marketing e-mail over real SMTP (the mail catcher) carries its one-click unsubscribe headers
 * (RFC 8058), and the address in them withdraws the consent (docs/decisions/0031).
 */
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { transaction } from "@/lib/server/transaction";
import { deliverDue } from "@/lib/server/mail/sender";
import { startMailCatcher } from "@/lib/server/mail/catcher-core";
import { enqueueMarketingEmail, unsubscribe } from "@/lib/privacy/consents";
import { createUser } from "../factories";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe("marketing e-mail headers", () => {
  it("sends List-Unsubscribe with the one-click address and List-Unsubscribe-Post; that address withdraws the consent", async () => {
    const user = await createUser();
    await db.consent.create({ data: { userId: user.id, purpose: "NEWSLETTER", status: "CONFIRMED", confirmedAt: new Date() } });
    expect(await transaction((tx) => enqueueMarketingEmail(tx, { userId: user.id, purpose: "NEWSLETTER", template: "newsletter", payload: { name: "Ann", purpose: "NEWSLETTER", headline: "Winter check", body: "Book your winter check now." } }))).toBe(true);
    // Due only on a clock of this test's own (other files' rows are due at the real time).
    const T0 = Date.UTC(1999, 5, 1);
    await db.outboxEmail.updateMany({ where: { to: user.email }, data: { nextAttemptAt: new Date(T0) } });
    const smtp = await startMailCatcher();
    cleanups.push(() => smtp.close());
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
    cleanups.push(async () => transport.close());
    await deliverDue({ prisma: db, transport, from: "Autodossier <no-reply@autodossier.test>", now: new Date(T0) });
    const mail = smtp.messages.find((m) => m.to.includes(user.email))!;
    // The catcher's parser (mailparser) gathers the List-* headers into one structured "list" header.
    const list = JSON.parse(mail.headers.list!) as { unsubscribe: { url: string }; "unsubscribe-post": { name: string } };
    expect(list["unsubscribe-post"].name).toBe("List-Unsubscribe=One-Click");
    const header = list.unsubscribe.url;
    expect(header).toMatch(/^http:\/\/localhost:\d+\/api\/unsubscribe\/[\w-]+$/);
    // The visible link too, at the end of the text part.
    expect(mail.text).toMatch(/Afmelden: http:\/\/localhost:\d+\/nl\/unsubscribe\/[\w-]+/);
    const token = header.split("/").pop()!;
    await unsubscribe({ token, via: "one_click" });
    expect((await db.consent.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("WITHDRAWN");
    // Withdrawn: no more marketing e-mail is queued.
    expect(await transaction((tx) => enqueueMarketingEmail(tx, { userId: user.id, purpose: "NEWSLETTER", template: "newsletter", payload: { name: "Ann", purpose: "NEWSLETTER", headline: "h", body: "b" } }))).toBe(false);
  });
});
