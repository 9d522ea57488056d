/**
 * Fuzzes server actions through the real action wrapper (tests/support/request-scope.ts), each
 * called by its legitimate caller (tests/support/surface.ts) with FUZZ_RUNS generated inputs
 * around valid ones (tests/support/fuzz.ts). Proven for every input: no server error (a thrown
 * error or an INTERNAL answer); for every refused input: no row written in any table.
 *
 * Rows are compared per batch, not per input: the inputs the wrapper refuses before the use case
 * (a character it cannot store, or the action's schema) run concurrently, with one fingerprint
 * of all tables before and one after the whole batch, which must be equal. The inputs that reach
 * the use case run one at a time, with a fingerprint after each: an input the use case refused
 * must leave it unchanged; an accepted one may write.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/server/db";
import { fieldWithUnstorableText } from "@/lib/server/fields";
import { callAction, type Outcome } from "./request-scope";
import { changedTables, rowFingerprint, rowsWritten } from "./row-fingerprint";
import { ENTRIES, type ActionEntry } from "./surface";
import { surfaceExports, missingEntries } from "./exports";
import { callerFor, createWorld, type World } from "./world";
import { describeInput, formInputs, FUZZ_RUNS, FUZZ_SEED, parsedShape, seedFor, toFormData, type FuzzInput } from "./fuzz";

const CONCURRENCY = 8;
const SEEDS = 2;

interface Figures {
  actions: number;
  inputs: number;
  beforeUseCase: number;
  reachedUseCase: number;
  accepted: number;
  serverErrors: number;
  /** Rows written by refused inputs (goal 0), and the refused inputs (or batches of them) that wrote. */
  refusedRows: number;
  refusedWrites: number;
}

function keysOf(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; in?: { shape?: Record<string, unknown> } } | undefined;
  return Object.keys(s?.shape ?? s?.in?.shape ?? {});
}

export function fuzzActionsIn(files: string[], label: string): void {
  const figures: Figures = { actions: 0, inputs: 0, beforeUseCase: 0, reachedUseCase: 0, accepted: 0, serverErrors: 0, refusedRows: 0, refusedWrites: 0 };
  const started = performance.now();
  const cpu = process.cpuUsage();
  let world: World;

  describe(`fuzzing the server actions of ${files.join(", ")} (FUZZ_RUNS=${FUZZ_RUNS}, FUZZ_SEED=${FUZZ_SEED})`, async () => {
    const found = (await surfaceExports()).filter((e) => e.kind === "action" && files.includes(e.file));

    it("every action has an entry", () => {
      expect(found.length).toBeGreaterThan(0);
      expect(missingEntries(found, ENTRIES)).toEqual([]);
    });

    it.each(found.filter((e) => e.key in ENTRIES).map((e) => [e.key, e] as const))("%s", async (key, exp) => {
      world ??= await createWorld();
      const entry = ENTRIES[key] as ActionEntry;
      const seeds: Record<string, unknown>[] = [];
      for (let i = 0; i < SEEDS; i++) seeds.push((await entry.setup(world)).input);
      await db.rateLimitBucket.deleteMany();
      const inputs = fc.sample(formInputs(seeds, keysOf(entry.schema)), { numRuns: FUZZ_RUNS, seed: seedFor(key) });
      const caller = await callerFor(world, entry.by ?? "anonymous");
      const problems: string[] = [];

      const call = async (f: FuzzInput): Promise<Outcome | null> => {
        // Each input from a client address of its own, as from many clients: the per-address
        // limits would otherwise refuse all but the first few, and the fuzz would test only them.
        const from = { ...caller, address: `fuzz-${Math.random().toString(36).slice(2)}` };
        try {
          const out = await callAction(from, exp.fn as never, f.asForm ? toFormData(f.input) : f.input);
          if (!out.ok && out.error.code === "INTERNAL") {
            figures.serverErrors++;
            problems.push(`server error for ${describeInput(f)}`);
          }
          return out;
        } catch (e) {
          figures.serverErrors++;
          problems.push(`threw ${String(e).slice(0, 200)} for ${describeInput(f)}`);
          return null;
        }
      };

      const reaches = (f: FuzzInput) => {
        const raw = parsedShape(f);
        // Without a schema to tell (an inline schema, or an action outside the wrapper), every input runs one at a time.
        return !entry.schema || (fieldWithUnstorableText(raw) === undefined && entry.schema.safeParse(raw).success);
      };
      const early = inputs.filter((f) => !reaches(f));
      const late = inputs.filter(reaches);

      // Refused before the use case: concurrently, one fingerprint around the batch.
      let before = await rowFingerprint();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < early.length) {
            const f = early[next++];
            const out = await call(f);
            if (out?.ok) problems.push(`accepted although its schema refuses it: ${describeInput(f)}`);
          }
        }),
      );
      let after = await rowFingerprint();
      if (changedTables(before, after).length) {
        figures.refusedWrites++;
        figures.refusedRows += rowsWritten(before, after);
        problems.push(`inputs refused before the use case wrote to ${changedTables(before, after).join(", ")}`);
      }

      // Reaching the use case: one at a time, a fingerprint after each.
      before = after;
      for (const f of late) {
        const out = await call(f);
        after = await rowFingerprint();
        const changed = changedTables(before, after);
        if (out?.ok) figures.accepted++;
        else if (changed.length) {
          figures.refusedWrites++;
          figures.refusedRows += rowsWritten(before, after);
          problems.push(`refused (${out ? JSON.stringify(out).slice(0, 120) : "threw"}) but wrote to ${changed.join(", ")}: ${describeInput(f)}`);
        }
        before = after;
      }

      figures.actions++;
      figures.inputs += inputs.length;
      figures.beforeUseCase += early.length;
      figures.reachedUseCase += late.length;
      await entry.after?.(world);
      expect(problems.slice(0, 10), `${problems.length} problems; replay with FUZZ_SEED=${FUZZ_SEED}`).toEqual([]);
    }, 600_000);

    it("prints its figures", () => {
      const s = ((performance.now() - started) / 1000).toFixed(1);
      const used = process.cpuUsage(cpu);
      const cpuS = ((used.user + used.system) / 1e6).toFixed(1);
      console.log(
        `[proof] fuzz ${label}: ${figures.actions} actions, ${figures.inputs} inputs tried ` +
          `(${figures.beforeUseCase} refused by the wrapper before the use case, ${figures.reachedUseCase} reached it, ${figures.accepted} accepted), ` +
          `${figures.serverErrors} server errors, ${figures.refusedRows} rows written by refused inputs (${figures.refusedWrites} refused inputs or batches wrote), ${s} s (${cpuS} s CPU in the test process)`,
      );
    });
  });
}
