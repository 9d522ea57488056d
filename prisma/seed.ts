/** `npm run db:seed`: migrates and seeds the demo world into the configured database. */
import { openDatabase } from "../lib/server/database";
import { parseEnv } from "../lib/server/env-schema";
import { seedDemo } from "./seed-demo";

const env = parseEnv({ AUTH_SECRET: "x".repeat(32), ...process.env });
const database = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await database.migrate(console.log);
  await seedDemo(database.prisma, console.log);
} finally {
  await database.close();
}
