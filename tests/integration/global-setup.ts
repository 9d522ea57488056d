/**
 * Once per integration run, before any file opens its database: on the embedded database, the
 * migrated template each file's in-memory database starts from (lib/server/db-template.ts), so
 * that seventy files do not each run initdb and every migration. On PostgreSQL: nothing.
 */
import { ensureTemplate } from "@/lib/server/db-template";

export default async function setup() {
  if (!process.env.DATABASE_URL) await ensureTemplate();
}
