// Makes the migrated embedded-database template for the committed migrations, unless it exists
// (lib/server/db-template.ts, docs/decisions/0042). Run after a build by `npm start`, the e2e
// runner and the page benchmarks; a fresh embedded database then starts from it.
// Usage: tsx scripts/db-template.ts
import path from "node:path";
import { ensureTemplate } from "../lib/server/db-template";

const started = Date.now();
const { file, made } = await ensureTemplate();
const where = path.relative(process.cwd(), file);
console.log(made ? `[db-template] made ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s` : `[db-template] ${where} is current`);
