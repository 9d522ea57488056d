/**
 * Generated inputs for the fuzz tests (fast-check, docs/decisions/0024-fuzzing.md): each input is
 * a form built from a valid input (the seed) whose fields are kept, mutated, replaced by hostile
 * text (any Unicode, lone surrogates, NUL and other control characters, CRLF injections, very
 * long strings) or by a value of the wrong type, some left out, unknown ones added, sent as an
 * object or as FormData (as a browser posts it). FUZZ_RUNS sets the inputs per server action
 * (default 200, so the default run stays under a minute; FUZZ_RUNS=1000 for the full depth) and
 * per schema (at least 1000 whatever it says); FUZZ_SEED picks the inputs (fixed by default;
 * "random" for new ones; each run prints its seed, which replays it).
 */
import fc from "fast-check";

export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200));
/** Fixed by default, so `npm test` is repeatable; FUZZ_SEED=random explores new inputs (the seed is printed). */
export const FUZZ_SEED = process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED || 20261202);

const CONTROL = ["\u0000", "\u0001", "\t", "\n", "\r", "\r\n", "\u000b", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029", "\u200b", "\ufeff", "\ud800", "\udfff"];

/** Text a hostile or careless client could send. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  // UTF-16 code units: NUL, lone surrogates and everything else JavaScript strings can hold.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...CONTROL, "a", "é", "1", " ", "@", "-"), maxLength: 20 }),
  fc
    .tuple(fc.constantFrom("x", "a@example.test", "AB-12-CD", "WP0ZZZ99ZTS392124"), fc.constantFrom("\r\nBcc: evil@example.test", "\r\n\r\n<script>alert(1)</script>", "\n", "\u0000", "%0d%0a"))
    .map(([a, b]) => a + b),
  fc.integer({ min: 201, max: 70_000 }).map((n) => "a".repeat(n)),
  fc.constantFrom("", " ", "null", "undefined", "0", "-1", "1e309", "NaN", "true", "on", "[object Object]", "__proto__", "' OR 1=1 --", "${7*7}", "../../etc/passwd", "ü".repeat(300)),
);

/** A value of a type no form field has. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function mutated(seed: unknown): fc.Arbitrary<unknown> {
  if (typeof seed !== "string") return hostileText;
  return fc.oneof(
    fc.tuple(fc.nat(seed.length), hostileText).map(([i, s]) => seed.slice(0, i) + s + seed.slice(i)),
    fc.nat(seed.length).map((i) => seed.slice(0, i)),
    fc.constant(seed.toUpperCase()),
    fc.constant(` ${seed} `),
    fc.integer({ min: 2, max: 50 }).map((n) => seed.repeat(n)),
  );
}

const EXTRA_KEYS = ["ownerId", "userId", "role", "platformRole", "organisationId", "status", "isAdmin", "__proto__", "constructor", "$ACTION_ID_0", "id"];
const DROPPED = Symbol("dropped");

export interface FuzzInput {
  input: Record<string, unknown>;
  /** Sent as FormData (each value as text, lists as repeated fields), as a browser posts a form. */
  asForm: boolean;
}

/** Inputs around the seeds (valid inputs); `keys` adds fields the seeds leave out. */
export function formInputs(seeds: Record<string, unknown>[], keys: string[] = []): fc.Arbitrary<FuzzInput> {
  const allKeys = [...new Set([...seeds.flatMap((s) => Object.keys(s)), ...keys])];
  return fc.nat(Math.max(0, seeds.length - 1)).chain((i) => {
    const seed = seeds[i] ?? {};
    const fields = Object.fromEntries(
      allKeys.map((k) => [
        k,
        fc.oneof(
          { weight: 5, arbitrary: fc.constant(seed[k]) },
          { weight: 2, arbitrary: mutated(seed[k]) },
          { weight: 3, arbitrary: hostileText },
          { weight: 2, arbitrary: wrongType },
          { weight: 1, arbitrary: fc.constant(DROPPED) },
        ),
      ]),
    );
    return fc.record({
      fields: fc.record(fields),
      extra: fc.option(fc.dictionary(fc.constantFrom(...EXTRA_KEYS), fc.oneof(hostileText, wrongType), { maxKeys: 2 }), { freq: 8 }),
      asForm: fc.boolean(),
    });
  }).map(({ fields, extra, asForm }) => {
    const input: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== DROPPED && v !== undefined) input[k] = v;
    if (extra) for (const [k, v] of Object.entries(extra)) Object.defineProperty(input, k, { value: v, enumerable: true, writable: true, configurable: true });
    return { input, asForm };
  });
}

/** The FormData a browser would post for the input. */
export function toFormData(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined) continue;
      form.append(k, typeof item === "object" && item !== null && !(item instanceof Date) ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}

/** What the action wrapper parses for a FuzzInput (mirrors formToObject in lib/server/action.ts). */
export function parsedShape(f: FuzzInput): Record<string, unknown> {
  if (!f.asForm) return f.input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of toFormData(f.input).entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

/** A short, printable description of an input for a failure message. */
export function describeInput(f: FuzzInput): string {
  return `${f.asForm ? "FormData" : "object"} ${JSON.stringify(f.input, (_k, v: unknown) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v))}`;
}

/** A stable number for a name, so each action gets its own stream of inputs for one FUZZ_SEED. */
export function seedFor(name: string): number {
  let h = FUZZ_SEED;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}
