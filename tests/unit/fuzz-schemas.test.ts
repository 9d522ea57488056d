/**
 * Fuzzing every form schema (every zod schema exported by lib/**\/schemas.ts and lib/server/fields.ts)
 * with at least 1,000 generated inputs each (tests/support/fuzz.ts; more with FUZZ_RUNS): parsing
 * never throws (a throw in a transform or refinement would be a server error behind the action
 * wrapper), and every refusal turns into field errors with a text in Dutch and in English.
 * The same inputs through the action wrapper and the database: tests/integration/fuzz-actions-*.test.ts.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorMessages } from "@/lib/server/error-message";
import { describeInput, formInputs, FUZZ_RUNS, FUZZ_SEED, hostileText, seedFor, wrongType, parsedShape } from "@/tests/support/fuzz";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RUNS = Math.max(1000, FUZZ_RUNS);

/** A valid value for a field, by its name: the seeds the generated inputs start from. */
const VALID: Record<string, unknown> = {
  email: "anna@example.test",
  emailConfirm: "anna@example.test",
  ownerEmail: "anna@example.test",
  password: "correct-horse-battery",
  passwordConfirm: "correct-horse-battery",
  currentPassword: "correct-horse-battery",
  firstName: "Anna",
  lastName: "de Vries",
  name: "Anna de Vries",
  fullName: "Anna de Vries",
  locale: "nl",
  token: "abcdefghijklmnopqrstuvwxyz012345-_ABCDEF",
  vin: "WP0ZZZ99ZTS392124",
  make: "Porsche",
  model: "Taycan",
  modelYear: "2024",
  fuel: "ELECTRIC",
  plate: "GBB-12-H",
  plateCountry: "NL",
  relationship: "OWNER",
  idDocumentType: "PASSPORT",
  dateOfBirth: "1985-04-12",
  documentValidUntil: "2031-01-01",
  placeOfBirth: "Zwolle",
  address: "Kerkstraat 1, Zwolle",
  registeredOwnerName: "Anna de Vries",
  registeredOwnerAddress: "Kerkstraat 1, Zwolle",
  status: "IN_STOCK",
  notes: "Line one\nline two",
  note: "Te onscherp",
  reason: "UNREADABLE",
  description: "Poetsbeurt",
  amount: "49,95",
  dueAt: "2027-03-01",
  done: "true",
  role: "MEMBER",
  kind: "DEALER",
  country: "NL",
  city: "Utrecht",
  street: "Kerkstraat 1",
  postalCode: "3511 AB",
  understood: "on",
  identityChecked: "on",
  confirmOwnershipChange: "",
};
const validFor = (key: string) => (key in VALID ? VALID[key] : /Id$/.test(key) ? "cm0abcdefghijklmnop" : "x");

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const s = schema as { shape?: Record<string, unknown>; in?: { shape?: Record<string, unknown> } };
  return s.shape ?? s.in?.shape;
}

const files = [
  ...readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `lib/${d.name}/schemas.ts`)
    .filter((f) => readdirSync(path.join(ROOT, path.dirname(f))).includes("schemas.ts")),
  "lib/server/fields.ts",
];

const schemas: [string, z.ZodType][] = [];
for (const file of files) {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (value && typeof value === "object" && typeof (value as z.ZodType).safeParse === "function") schemas.push([`${file}#${name}`, value as z.ZodType]);
    // Field builders (Text(max), Notes(max), ValidPlate()) are fuzzed through a built instance.
    else if (typeof value === "function" && /^[A-Z]/.test(name) && file.endsWith("fields.ts")) {
      try {
        const built = (value as (n?: number) => unknown)(100);
        if (built && typeof (built as z.ZodType).safeParse === "function") schemas.push([`${file}#${name}(100)`, built as z.ZodType]);
      } catch {
        // Not a schema builder.
      }
    }
  }
}

const figures = { schemas: 0, inputs: 0, accepted: 0, exceptions: 0 };

afterAll(() => {
  console.log(`[proof] fuzz schemas: ${figures.schemas} schemas, ${figures.inputs} inputs tried (${figures.accepted} accepted), ${figures.exceptions} exceptions (FUZZ_SEED=${FUZZ_SEED})`);
});

describe(`fuzzing every form schema (${RUNS} inputs each, FUZZ_SEED=${FUZZ_SEED})`, () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(30);
  });

  it.each(schemas)("%s", (name, schema) => {
    const shape = shapeOf(schema);
    const arb: fc.Arbitrary<unknown> = shape
      ? formInputs([Object.fromEntries(Object.keys(shape).map((k) => [k, validFor(k)]))]).map(parsedShape)
      : fc.oneof(hostileText, wrongType, fc.constantFrom(...Object.values(VALID)));
    const problems: string[] = [];
    let accepted = 0;
    for (const input of fc.sample(arb, { numRuns: RUNS, seed: seedFor(name) })) {
      try {
        const r = schema.safeParse(input);
        if (r.success) accepted++;
        else
          for (const locale of ["nl", "en"]) {
            const messages = fieldErrorMessages(r.error.issues, locale);
            if (!Object.keys(messages).length || Object.values(messages).some((m) => typeof m !== "string" || !m.trim())) {
              problems.push(`no message in ${locale} for ${describeInput({ input: input as Record<string, unknown>, asForm: false })}`);
            }
          }
      } catch (e) {
        figures.exceptions++;
        problems.push(`threw ${String(e).slice(0, 200)} for ${describeInput({ input: input as Record<string, unknown>, asForm: false })}`);
      }
    }
    figures.schemas++;
    figures.inputs += RUNS;
    figures.accepted += accepted;
    expect(problems.slice(0, 5), `${problems.length} problems; replay with FUZZ_SEED=${FUZZ_SEED}`).toEqual([]);
  });
});
