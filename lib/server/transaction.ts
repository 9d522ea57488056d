/**
 * The one way to run a multi-row change: a Prisma interactive transaction that, once committed,
 * wakes the in-process mail sender if the change queued an e-mail (lib/server/mail/outbox.ts
 * marks the transaction). No call site has to remember to do it, and a change that rolled back
 * wakes nobody. How long a transaction may wait for a connection and run is set once for the
 * client (lib/server/database.ts): changes of who holds one car queue on its row lock.
 */
import { db } from "./db";
import type { Tx } from "./database";
import { mailQueued } from "./mail/notify";
import { queuedMailIn } from "./mail/outbox";

export type { Tx };

export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  let used: Tx | undefined;
  const result = await db.$transaction((tx) => {
    used = tx;
    return fn(tx);
  });
  if (used && queuedMailIn(used)) mailQueued();
  return result;
}
