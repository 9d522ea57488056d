import { cache } from "react";

/**
 * A read shared by everything one server render asks for (docs/decisions/0044): React's `cache`,
 * whose memory lasts one request and is never seen by another. Outside a render (a server
 * action, a route handler, a test) it memoises nothing and every call reads again. For reads on
 * the pool only: a use case reads inside its own transaction.
 *
 * Here so that lib/<feature> queries stay free of the framework (docs/decisions/0011).
 */
export function memoPerRequest<A extends string[], R>(read: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return cache(read);
}
