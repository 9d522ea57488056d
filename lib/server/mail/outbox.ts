/**
 * Writes an e-mail into the outbox inside the caller's transaction: if the change rolls back, so
 * does the e-mail. Delivery is lib/server/mail/sender.ts.
 */
import type { Tx } from "../database";
import type { EmailPayloads, TemplateName } from "../../../emails";
import type { UserLocale } from "../../../i18n/routing";

/** Transactions that queued an e-mail: lib/server/transaction.ts wakes the sender after their commit. */
const queued = new WeakSet<object>();

export function queuedMailIn(tx: Tx): boolean {
  return queued.has(tx);
}

/** An e-mail to queue; its payload is the one its template takes (emails/payloads.ts). */
export type QueuedEmail<N extends TemplateName = TemplateName> = {
  [K in N]: { to: string; locale: UserLocale; template: K; payload: EmailPayloads[K] };
}[N];

export async function enqueueEmail<N extends TemplateName>(tx: Tx, mail: QueuedEmail<N>): Promise<string> {
  queued.add(tx);
  const row = await tx.outboxEmail.create({
    data: { to: mail.to, locale: mail.locale, template: mail.template, payload: mail.payload },
    select: { id: true },
  });
  return row.id;
}
