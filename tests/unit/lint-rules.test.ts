/**
 * The layering and the type-aware rules of eslint.config.mjs (docs/decisions/0011-boundaries.md)
 * refuse what they are meant to refuse and accept the legitimate counterpart. The cases are files
 * under tests/fixtures/lint/, laid out like the project's folders (the rules apply per folder) and
 * linted with the project's own config from that directory.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/lint");
// The first file that needs type information starts a TypeScript project: slow on a busy machine.
const SLOW = 180_000;

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: FIXTURES, overrideConfigFile: path.join(ROOT, "eslint.config.mjs") });
});

async function lint(file: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintFiles([path.join(FIXTURES, file)]);
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

/** The file is refused by `rule` (and only by it), with a message naming `why`. */
async function expectRefused(file: string, rule: string, why: RegExp) {
  const messages = await lint(file);
  expect(messages.length, JSON.stringify(messages)).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.ruleId, JSON.stringify(m)).toBe(rule);
    expect(m.message).toMatch(why);
  }
}

async function expectAccepted(file: string) {
  expect(await lint(file)).toEqual([]);
}

describe("lib/<feature>/: framework-free but for actions.ts and lib/accounts/next-auth.ts", () => {
  it("refuses a use case importing next/headers", async () => {
    await expectRefused("lib/accounts/bad-next-headers.ts", "no-restricted-imports", /'next\/headers'.*framework-free/);
  }, SLOW);

  it("refuses a use case importing react", async () => {
    await expectRefused("lib/accounts/bad-react.ts", "no-restricted-imports", /'react'.*framework-free/);
  }, SLOW);

  it("refuses a use case importing the framework-bound lib/server/session", async () => {
    await expectRefused("lib/accounts/bad-session.ts", "no-restricted-imports", /framework-bound/);
  }, SLOW);

  it("accepts a use case importing zod, lib/server/db, lib/server/authz and its schemas", async () => {
    await expectAccepted("lib/accounts/ok-use-case.ts");
  }, SLOW);

  it("accepts next, next-auth and lib/server/action in actions.ts", async () => {
    await expectAccepted("lib/accounts/actions.ts");
  }, SLOW);

  it("accepts next-auth in lib/accounts/next-auth.ts", async () => {
    await expectAccepted("lib/accounts/next-auth.ts");
  }, SLOW);
});

describe("components/: no database, no use case", () => {
  it("refuses a component importing @/lib/server/db", async () => {
    await expectRefused("components/passports/bad-db.tsx", "no-restricted-imports", /'@\/lib\/server\/db'.*never touch the database/);
  }, SLOW);

  it("refuses a component importing ../../lib/server/db, even for a type", async () => {
    await expectRefused("components/passports/bad-db-relative.tsx", "no-restricted-imports", /never touch the database/);
  }, SLOW);

  it("refuses a component importing a use case", async () => {
    await expectRefused("components/passports/bad-use-case.tsx", "no-restricted-imports", /'@\/lib\/passports\/create-passport'.*no use case/);
  }, SLOW);

  it("accepts actions, schemas, pure modules and types", async () => {
    await expectAccepted("components/passports/ok-imports.tsx");
  }, SLOW);

  it("refuses zod and a feature's schemas in a client module (the browser would get zod)", async () => {
    await expectRefused("components/passports/bad-zod.client.tsx", "no-restricted-imports", /client module imports no zod/);
  }, SLOW);

  it("refuses tailwind-merge in a client module (cn, and the primitives built on it)", async () => {
    await expectRefused("components/passports/bad-merge.client.tsx", "no-restricted-imports", /tailwind-merge stays out of the browser/);
  }, SLOW);

  it("refuses cn by a relative path in a client module", async () => {
    await expectRefused("components/forms/bad-relative-merge.tsx", "no-restricted-imports", /tailwind-merge stays out of the browser/);
  }, SLOW);

  it("refuses zod and schemas in lib/<feature>/options.ts, which client components import", async () => {
    await expectRefused("lib/passports/options.ts", "no-restricted-imports", /imports no zod, no schemas/);
  }, SLOW);

  it("accepts a client module taking its choices from options and its types from schemas", async () => {
    await expectAccepted("components/passports/ok-options.client.tsx");
  }, SLOW);
});

describe("lib/server/: imports no feature folder", () => {
  it("refuses ../accounts/... from lib/server/", async () => {
    await expectRefused("lib/server/bad-imports-accounts.ts", "no-restricted-imports", /'\.\.\/accounts\/verify-credentials'.*layer below the features/);
  }, SLOW);

  it("refuses @/lib/accounts/... from lib/server/", async () => {
    await expectRefused("lib/server/bad-imports-accounts-by-alias.ts", "no-restricted-imports", /layer below the features/);
  }, SLOW);

  it("refuses ../../accounts/... from lib/server/mail/", async () => {
    await expectRefused("lib/server/mail/bad-imports-accounts.ts", "no-restricted-imports", /layer below the features/);
  }, SLOW);

  it("accepts lib/server/ siblings, i18n/, emails/ and generated/ at any depth", async () => {
    await expectAccepted("lib/server/ok-imports.ts");
    await expectAccepted("lib/server/mail/ok-imports.ts");
  }, SLOW);
});

describe("type-aware rules", () => {
  it("refuses a floating promise", async () => {
    await expectRefused("lib/accounts/bad-floating-promise.ts", "@typescript-eslint/no-floating-promises", /Promises must be awaited/);
  }, SLOW);

  it("refuses a promise discarded with `void` but no .catch", async () => {
    await expectRefused("lib/accounts/bad-void-promise.ts", "@typescript-eslint/no-floating-promises", /Promises must be awaited/);
  }, SLOW);

  it("accepts an awaited promise and a fire-and-forget one that logs its failure", async () => {
    await expectAccepted("lib/accounts/ok-promises.ts");
  }, SLOW);

  it("refuses a switch over a union that leaves a member to `default`", async () => {
    await expectRefused("lib/accounts/bad-switch.ts", "@typescript-eslint/switch-exhaustiveness-check", /PENDING/);
  }, SLOW);

  it("accepts a switch that names every member", async () => {
    await expectAccepted("lib/accounts/ok-switch.ts");
  }, SLOW);
});
