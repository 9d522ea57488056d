/**
 * Writes an e-mail into the outbox inside the caller's transaction: if the change rolls back, so
 * does the e-mail. Delivery is lib/server/mail/sender.ts.
 */
import type { Tx } from "../database";
import type { TemplateName } from "../../../emails";
import type { UserLocale } from "../../../i18n/routing";

export async function enqueueEmail(
  tx: Tx,
  mail: { to: string; locale: UserLocale; template: TemplateName; payload: Record<string, string | number> },
): Promise<string> {
  const row = await tx.outboxEmail.create({
    data: { to: mail.to, locale: mail.locale, template: mail.template, payload: mail.payload },
    select: { id: true },
  });
  return row.id;
}
