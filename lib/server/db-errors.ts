/**
 * Database errors recognised by their code, never by matching message text (which differs per
 * driver and language). Prisma 7 with a driver adapter wraps the driver's error: a unique
 * violation is Prisma's P2002 or the adapter's `UniqueConstraintViolation`; any other PostgreSQL
 * error keeps its SQLSTATE as `originalCode` (node-postgres adapter) or `code` (PGlite adapter).
 */
interface WrappedDbError {
  code?: string;
  meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string; code?: string; originalCode?: string } } };
}

/** The PostgreSQL SQLSTATE behind a Prisma error, when there is one. */
export function sqlState(e: unknown): string | undefined {
  const err = e as WrappedDbError | null | undefined;
  const cause = err?.meta?.driverAdapterError?.cause;
  return cause?.originalCode ?? (cause?.kind === "postgres" ? cause.code : undefined) ?? (err?.code === "P2010" ? err.meta?.code : undefined);
}

/** A unique constraint refused the row (SQLSTATE 23505). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as WrappedDbError | null | undefined;
  return err?.code === "P2002" || err?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" || sqlState(e) === "23505";
}

/** PostgreSQL aborted the loser of a lock race: serialization failure (40001) or deadlock (40P01). */
export function isSerializationFailure(e: unknown): boolean {
  const err = e as WrappedDbError | null | undefined;
  const state = sqlState(e);
  return err?.code === "P2034" || state === "40001" || state === "40P01";
}
