/**
 * The access matrix, generated from the code: every exported server action and route handler
 * (tests/support/exports.ts) is called, through the real action wrapper or route wrapper, by each
 * of MATRIX_ACTORS with a valid input aimed at the owner's or the first dealer's/garage's fresh
 * resources (tests/support/surface.ts). For every cell not declared allowed:
 * - a leak is a success, or an answer carrying the victim's data the input did not carry;
 * - a write is any row changed in any table (tests/support/row-fingerprint.ts).
 * Before the cells, the legitimate caller's own call (the control) must succeed: it proves each
 * input is valid, so a refusal in the matrix is a refusal of the caller, not of a broken input.
 * An export without an entry fails the test.
 */
import "@/tests/support/own-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { callAction, callRoute } from "@/tests/support/request-scope";
import { rowFingerprint, changedTables } from "@/tests/support/row-fingerprint";
import { ENTRIES, type Entry } from "@/tests/support/surface";
import { surfaceExports, missingEntries, type Export } from "@/tests/support/exports";
import { callerFor, createWorld, MATRIX_ACTORS, type Who, type World } from "@/tests/support/world";

const found = await surfaceExports();
let world: World;
const figures = { cells: 0, leaks: 0, writes: 0, allowed: 0, controls: 0 };
const findings: string[] = [];

beforeAll(async () => {
  world = await createWorld();
}, 120_000);

afterAll(() => {
  console.log(
    `[proof] access matrix: ${found.length} exports x ${MATRIX_ACTORS.length} callers = ${figures.cells} cells tried, ` +
      `${figures.leaks} leaks, ${figures.writes} writes (${figures.allowed} cells allowed by design, ${figures.controls} control calls succeeded)`,
  );
});

interface Result {
  ok: boolean;
  text: string;
  wrote: string[];
}

async function run(exp: Export, entry: Entry, who: Who): Promise<Result & { secrets: string[] }> {
  // The setups upload and e-mail far more than a person would in an hour: start each cell with
  // fresh rate-limit counters (they are not counted as writes, see row-fingerprint.ts).
  await db.rateLimitBucket.deleteMany();
  const caller = await callerFor(world, who);
  let text: string;
  let ok: boolean;
  let secrets: string[];
  let before;
  if (entry.kind === "action") {
    const c = await entry.setup(world);
    const inputText = JSON.stringify(c.input);
    secrets = (c.secrets ?? []).filter((s) => s && !inputText.includes(s));
    before = await rowFingerprint();
    const out = await callAction(caller, exp.fn as never, c.input);
    ok = out.ok;
    text = JSON.stringify(out);
  } else {
    const c = await entry.setup(world);
    secrets = (c.secrets ?? []).filter((s) => s && !c.request.path.includes(s));
    before = await rowFingerprint();
    const res = await callRoute(caller, exp.fn as never, { ...c.request, body: c.request.body ? new Uint8Array(c.request.body) : undefined });
    ok = res.status < 400;
    text = `${res.status} ${res.headers.get("location") ?? ""} ${Buffer.from(await res.arrayBuffer()).toString("latin1")}`;
  }
  const wrote = changedTables(before, await rowFingerprint());
  await entry.after?.(world);
  return { ok, text, wrote, secrets };
}

describe("access matrix", () => {
  it("has an entry for every exported server action and route handler, and none for an export that is gone", () => {
    expect(found.length).toBeGreaterThan(40);
    expect(missingEntries(found, ENTRIES)).toEqual([]);
    const keys = new Set(found.map((e) => e.key));
    expect(Object.keys(ENTRIES).filter((k) => !keys.has(k)).map((k) => `the access-matrix entry "${k}" names no export`)).toEqual([]);
  });

  it("names the file and the export when an entry is missing", () => {
    const fn = async () => undefined;
    expect(missingEntries([{ key: "lib/x/actions.ts#endSessionAction", file: "lib/x/actions.ts", name: "endSessionAction", kind: "action", fn }], ENTRIES)).toEqual([
      'action endSessionAction in lib/x/actions.ts has no access-matrix entry: add "lib/x/actions.ts#endSessionAction" to tests/support/surface.ts',
    ]);
  });

  it.each(found.filter((e) => e.key in ENTRIES).map((e) => [e.key, e] as const))("%s", async (_key, exp) => {
    const entry = ENTRIES[exp.key];
    const allowed = new Set<Who>([...(entry.allowed ?? []), ...(entry.by ? [entry.by] : [])]);
    // The control: the legitimate caller succeeds with the same kind of input.
    if (entry.by) {
      const control = await run(exp, entry, entry.by);
      expect(control.ok, `control call of ${exp.key} by ${entry.by} failed: ${control.text.slice(0, 500)}`).toBe(true);
      figures.controls++;
    }
    for (const who of MATRIX_ACTORS) {
      const before = who !== "owner" ? await entry.untouched?.(world) : undefined;
      const r = await run(exp, entry, who);
      figures.cells++;
      if (entry.untouched && who !== "owner") {
        const after = await entry.untouched(world);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          figures.writes++;
          findings.push(`${exp.key} by ${who}: changed the owner's account`);
        }
      }
      if (allowed.has(who)) {
        figures.allowed++;
        continue;
      }
      const leaked = r.ok || r.secrets.some((s) => r.text.includes(s));
      if (leaked) {
        figures.leaks++;
        findings.push(`${exp.key} by ${who}: ${r.ok ? "succeeded" : "answered with the victim's data"}: ${r.text.slice(0, 300)}`);
      }
      if (r.wrote.length) {
        figures.writes++;
        findings.push(`${exp.key} by ${who}: wrote to ${r.wrote.join(", ")} (${r.text.slice(0, 200)})`);
      }
    }
    expect(findings.filter((f) => f.startsWith(`${exp.key} `))).toEqual([]);
  }, 120_000);
});
