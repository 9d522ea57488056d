import "server-only";
import { openDatabase, type Database } from "./database";
import { readTemplate } from "./db-template";
import { env } from "./env";

const globalForDb = globalThis as unknown as { __autodossierDb?: Database };

/**
 * One database per process: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * PGlite under DATA_DIR (one process only may open it; see docs/decisions/0003), a fresh one
 * started from the migrated template when there is one (docs/decisions/0042).
 */
function get(): Database {
  globalForDb.__autodossierDb ??= openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE, template: readTemplate });
  return globalForDb.__autodossierDb;
}

export const db = new Proxy({} as Database["prisma"], {
  get(_t, prop) {
    const prisma = get().prisma;
    const value = Reflect.get(prisma, prop, prisma);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export function database(): Database {
  return get();
}
