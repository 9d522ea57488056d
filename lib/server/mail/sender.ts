/**
 * Delivers due outbox rows. A row is claimed (PENDING -> SENDING, FOR UPDATE SKIP LOCKED) before
 * it is handed to SMTP, so two senders never take the same row; a temporary failure puts it back
 * with exponential backoff; a permanent one (5xx) or too many attempts marks it FAILED. A row
 * found still SENDING after its lock expired (the process died mid-send) is not retried: it may
 * have gone out, and an e-mail is never sent twice (docs/decisions/0005-outbox.md).
 */
import type { Transporter } from "nodemailer";
import type { PrismaClient } from "../../../generated/prisma/client";
import { isTemplate, renderEmail, type EmailPayloads } from "../../../emails";
import { log } from "../log";

export const MAX_ATTEMPTS = 8;
const LOCK_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min, ... capped at 1 hour. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

interface ClaimedRow {
  id: string;
  to: string;
  locale: string;
  template: string;
  payload: Record<string, string | number>;
  attempts: number;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * A marketing e-mail (its payload has `unsubscribePostUrl`, lib/privacy/consents.ts) says how to
 * leave the list in its headers: `List-Unsubscribe` with the one-click POST address, and
 * `List-Unsubscribe-Post` (RFC 8058) so a mail client may unsubscribe without opening a page.
 */
export function unsubscribeHeaders(payload: Record<string, unknown>): Record<string, string> {
  const post = payload.unsubscribePostUrl;
  if (typeof post !== "string" || !/^https?:\/\//.test(post)) return {};
  return { "List-Unsubscribe": `<${post}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export async function deliverDue(opts: {
  prisma: PrismaClient;
  transport: Pick<Transporter, "sendMail">;
  from: string;
  now?: Date;
  batch?: number;
}): Promise<DeliveryReport> {
  const { prisma, transport, from } = opts;
  const now = opts.now ?? new Date();
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };

  const interrupted = await prisma.$executeRaw`
    UPDATE "OutboxEmail" SET status = 'FAILED', "lastError" = 'interrupted while sending; not retried to avoid a duplicate', "lockedUntil" = NULL
    WHERE status = 'SENDING' AND "lockedUntil" < ${now}`;
  if (interrupted) log.warn({ count: interrupted }, "e-mails interrupted while sending marked failed, not retried (they may have gone out)");

  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  const rows = await prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxEmail" SET status = 'SENDING', attempts = attempts + 1, "lockedUntil" = ${lockedUntil}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "createdAt"
      LIMIT ${opts.batch ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", locale::text AS locale, template, payload, attempts`;

  for (const row of rows) {
    try {
      if (!isTemplate(row.template)) throw Object.assign(new Error(`unknown template ${row.template}`), { responseCode: 550 });
      // The payload was type-checked against its template when enqueueEmail stored it.
      const mail = await renderEmail(row.template, row.locale, row.payload as EmailPayloads[typeof row.template]);
      const info = await transport.sendMail({
        from,
        to: row.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
        messageId: `<${row.id}@autodossier.outbox>`,
        headers: { "X-Autodossier-Template": row.template, ...unsubscribeHeaders(row.payload) },
      });
      await prisma.outboxEmail.update({
        where: { id: row.id },
        data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, messageId: info.messageId ?? null },
      });
      report.sent++;
      // The outbox row says to whom and what: the log names the row, not the recipient or the content.
      log.info({ outboxId: row.id, template: row.template, attempt: row.attempts }, "e-mail sent");
    } catch (e) {
      const err = e as Error & { responseCode?: number };
      const permanent = typeof err.responseCode === "number" && err.responseCode >= 500;
      const giveUp = permanent || row.attempts >= MAX_ATTEMPTS;
      await prisma.outboxEmail.update({
        where: { id: row.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lockedUntil: null,
          lastError: String(err.message).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
        },
      });
      if (giveUp) report.failed++;
      else report.retried++;
      const fields = { outboxId: row.id, template: row.template, attempt: row.attempts, err };
      if (giveUp) log.error(fields, "e-mail failed, not retried");
      else log.warn({ ...fields, retryInMs: backoffMs(row.attempts) }, "e-mail not delivered, retried later");
    }
  }
  return report;
}
