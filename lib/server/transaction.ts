/**
 * The one way to run a multi-row change: a Prisma interactive transaction that, once committed,
 * wakes the in-process mail sender if the change queued an e-mail (lib/server/mail/outbox.ts
 * marks the transaction). No call site has to remember to do it, and a change that rolled back
 * wakes nobody.
 */
import { db } from "./db";
import type { Tx } from "./database";
import { mailQueued } from "./mail/notify";
import { queuedMailIn } from "./mail/outbox";

export type { Tx };

/**
 * How long a transaction may wait for a pool connection, and run. Changes of who holds one car
 * queue on its row lock (lib/holdings/vehicles.ts lockVehicle), each holding a connection while it
 * waits: a burst of them (20 at once in the tests) outlasts Prisma's defaults of 2 s and 5 s on a
 * busy machine, and waiting a little longer beats failing.
 */
const OPTIONS = { maxWait: 10_000, timeout: 20_000 };

export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  let used: Tx | undefined;
  const result = await db.$transaction((tx) => {
    used = tx;
    return fn(tx);
  }, OPTIONS);
  if (used && queuedMailIn(used)) mailQueued();
  return result;
}
