/**
 * Faults: the server killed during an upload. A child process (tests/support/crash-child.ts) posts
 * documents to the real upload route, or submits a request through the real server action, and
 * is killed with SIGKILL at random moments: while a copy is being written, between writing it
 * and handing out its upload id, in the middle of the submission's transaction. Whatever it left
 * on disk, the purge job (lib/verification/purge-documents.ts) must remove every stored file no
 * request refers to once its upload id has expired (and not before), and keep the copies of a
 * live request. Written against behaviour: files on disk and what the purge leaves.
 */
import "@/tests/support/own-database";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { purgeDocuments, ORPHAN_AGE_MS } from "@/lib/verification/purge-documents";
import { createUser, actorFor } from "@/tests/factories";
import { submittedRequest } from "@/tests/factories/verification";

const ROOT = path.resolve(import.meta.dirname, "../..");
const onPostgres = !!process.env.DATABASE_URL;
const figures = { kills: 0, leftovers: 0, partialWrites: 0, purged: 0, orphansAfterPurge: 0 };

afterAll(() => {
  console.log(
    `[proof] faults, uploads: ${figures.kills} server processes killed mid-upload, ${figures.leftovers} files left behind ` +
      `(${figures.partialWrites} half-written), ${figures.purged} removed by the purge, ${figures.orphansAfterPurge} orphans the purge missed`,
  );
});

const files = () => readdirSync(process.env.DOCUMENTS_DIR!).filter((f) => !f.startsWith("."));
const allFiles = () => {
  try {
    return readdirSync(process.env.DOCUMENTS_DIR!).sort();
  } catch {
    return [];
  }
};

function child(mode: "upload" | "submit", userId: string): { proc: ChildProcess; lines: string[]; waitFor: (re: RegExp, ms?: number) => Promise<void> } {
  // tsx as a loader in this one process (its CLI would run the script in a grandchild that a
  // SIGKILL of the CLI leaves running).
  const proc = spawn(process.execPath, ["--import", "tsx", "--import", path.join(ROOT, "tests/support/child-loader.mjs"), path.join(ROOT, "tests/support/crash-child.ts"), mode], {
    cwd: ROOT,
    env: { ...process.env, CRASH_USER_ID: userId, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let err = "";
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  proc.stdout!.on("data", (d: Buffer) => {
    for (const line of d.toString().split("\n").filter(Boolean)) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.re.test(line))) w.resolve();
    }
  });
  proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const waitFor = (re: RegExp, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some((l) => re.test(l))) return resolve();
      const t = setTimeout(() => reject(new Error(`child never printed ${re}: ${lines.join(" | ")} ${err.slice(-2000)}`)), ms);
      waiters.push({ re, resolve: () => (clearTimeout(t), resolve()) });
      proc.on("exit", (code) => code !== null && reject(new Error(`child exited with ${code}: ${err.slice(-2000)}`)));
    });
  return { proc, lines, waitFor };
}

async function kill(proc: ChildProcess) {
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGKILL");
    await exited;
  }
  figures.kills++;
}

/** The files the purge must keep: the copies of live requests. */
async function referenced(): Promise<Set<string>> {
  return new Set((await db.verificationDocument.findMany({ where: { deletedAt: null }, select: { storageKey: true } })).map((d) => d.storageKey));
}

async function purgeAndCheck(before: string[]) {
  const keep = await referenced();
  const left = before.filter((f) => !keep.has(f));
  figures.leftovers += left.length;
  figures.partialWrites += left.filter((f) => f.startsWith(".tmp-")).length;
  expect(left.length, "the crashes left nothing behind to purge").toBeGreaterThan(0);

  // Not before the upload ids expire: someone may still post the form with them.
  await purgeDocuments({ requestIds: [] });
  expect(allFiles()).toEqual(before);

  const report = await purgeDocuments({ now: new Date(Date.now() + ORPHAN_AGE_MS + 60_000), requestIds: [] });
  figures.purged += report.orphansDeleted;
  const after = allFiles();
  const orphans = after.filter((f) => !keep.has(f));
  figures.orphansAfterPurge += orphans.length;
  expect(orphans, "files no request refers to, left after the purge").toEqual([]);
  expect(after.sort()).toEqual([...keep].filter((k) => before.includes(k)).sort());
}

describe("the server killed during an upload: no orphan the purge misses", () => {
  it("killed at random moments while uploading: the purge removes every half-written or unclaimed file, and keeps a live request's copies", async () => {
    // A live request whose copies must survive everything.
    const owner = await createUser();
    await submittedRequest(await actorFor(owner.id));
    const user = await createUser();
    for (const delay of [0, 150]) {
      const c = child("upload", user.id);
      if (delay) {
        await c.waitFor(/^ready$/);
        await new Promise((r) => setTimeout(r, delay));
        await kill(c.proc);
      } else {
        // Killed the moment the file system reports a copy being written (its temporary file).
        mkdirSync(process.env.DOCUMENTS_DIR!, { recursive: true });
        let watcher: FSWatcher | undefined;
        const killed = new Promise<void>((resolve) => {
          watcher = watch(process.env.DOCUMENTS_DIR!, (_event, name) => {
            if (name?.startsWith(".tmp-")) {
              c.proc.kill("SIGKILL");
              resolve();
            }
          });
          setTimeout(resolve, 60_000);
        });
        await c.waitFor(/^ready$/);
        await killed;
        watcher?.close();
        await kill(c.proc);
      }
    }
    // And one killed after it has handed out an upload id that is then never used.
    const c = child("upload", user.id);
    await c.waitFor(/^uploaded 1$/);
    await kill(c.proc);
    expect(files().length).toBeGreaterThan(3);
    await purgeAndCheck(allFiles());
  }, 300_000);

  it.skipIf(!onPostgres)("killed in the middle of submitting a request (PostgreSQL only: the child shares the database): no request, and the purge removes its copies", async () => {
    const user = await createUser();
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      const c = child("submit", user.id);
      await c.waitFor(/^uploaded all$/);
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "VerificationDocument" IN EXCLUSIVE MODE`);
      for (let i = 0; i < 400; i++) {
        const r = await locker.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
        if (r.rowCount) break;
        await new Promise((res) => setTimeout(res, 25));
      }
      await kill(c.proc);
      await locker.query("ROLLBACK");
    } finally {
      await locker.end();
    }
    expect(await db.verificationRequest.count({ where: { requesterId: user.id } })).toBe(0);
    await purgeAndCheck(allFiles());
  }, 300_000);
});
