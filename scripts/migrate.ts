/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { openDatabase } from "../lib/server/database";
import { parseEnv } from "../lib/server/env-schema";

const env = parseEnv({ AUTH_SECRET: "x".repeat(32), ...process.env });
const database = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const applied = await database.migrate(console.log);
  console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
} finally {
  await database.close();
}
