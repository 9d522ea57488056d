/**
 * Writes an e-mail into the outbox inside the caller's transaction: if the change rolls back, so
 * does the e-mail. Delivery is lib/server/mail/sender.ts.
 */
import type { Tx } from "../database";
import type { TemplateName } from "../../../emails";

type Locale = "nl" | "en" | "fr";

/** Transactions that queued an e-mail: lib/server/transaction.ts wakes the sender after their commit. */
const queued = new WeakSet<object>();

export function queuedMailIn(tx: Tx): boolean {
  return queued.has(tx);
}

export async function enqueueEmail(
  tx: Tx,
  mail: { to: string; locale: Locale; template: TemplateName; payload: Record<string, string | number> },
): Promise<string> {
  queued.add(tx);
  const row = await tx.outboxEmail.create({
    data: { to: mail.to, locale: mail.locale, template: mail.template, payload: mail.payload },
    select: { id: true },
  });
  return row.id;
}
