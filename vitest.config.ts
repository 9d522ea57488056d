import { defineConfig } from "vitest/config";
import path from "node:path";

// Node 20 lacks Map.groupBy, which vitest 5's reporter uses to print failures; without it a failing
// test shows only "Map.groupBy is not a function". Remove once the machines run Node 22.
const M = Map as unknown as { groupBy?: <K, V>(items: Iterable<V>, key: (v: V, i: number) => K) => Map<K, V[]> };
M.groupBy ??= <K, V>(items: Iterable<V>, key: (v: V, i: number) => K) => {
  const out = new Map<K, V[]>();
  let i = 0;
  for (const v of items) {
    const k = key(v, i++);
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
};

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // The time limit only catches a hang: on a shared, loaded machine rendering every e-mail
        // template or hashing with scrypt takes seconds, and speed is measured in bench/, not here.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // next-auth's ESM imports `next/server` without an extension, which only a bundler resolves.
          server: { deps: { inline: ["next-auth"] } },
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          pool: "forks",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PostgreSQL: files run in parallel on one fresh database; embedded: one in-memory database per file.
          maxWorkers: 2,
        },
      },
    ],
  },
});
