/**
 * Documents on the local disk: one file per document under a random name in DOCUMENTS_DIR
 * (outside any public folder), encrypted with AES-256-GCM before it touches the disk, written
 * atomically (temporary file, then rename) and readable by the server's user only.
 */
import { randomBytes } from "node:crypto";
import { access, constants, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { decryptWithAny, encryptDocument } from "./crypto";
import type { DocumentStorage, StoredObject } from "./index";

/** The names getDocumentStorage() hands out (newStorageKey): 64 hex characters, nothing else. */
const isStorageKey = (key: string) => /^[a-f0-9]{64}$/.test(key);

/** A temporary file of a write in progress (or of one interrupted by a crash). */
const TEMPORARY = /^\.tmp-[a-f0-9]{16}$/;

export function createLocalDiskStorage(opts: { dir: string; key: Buffer; previousKeys?: Buffer[] }): DocumentStorage {
  const dir = path.resolve(opts.dir);
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));
  const fileOf = (key: string, allowTemporary = false) => {
    if (!isStorageKey(key) && !(allowTemporary && TEMPORARY.test(key))) throw new Error("invalid storage key");
    return path.join(dir, key);
  };

  return {
    kind: "local-disk",
    async put(key, data) {
      const file = fileOf(key);
      await ensureDir();
      const tmp = path.join(dir, `.tmp-${randomBytes(8).toString("hex")}`);
      await writeFile(tmp, encryptDocument(opts.key, key, data), { mode: 0o600, flag: "wx" });
      try {
        await rename(tmp, file);
      } catch (e) {
        await unlink(tmp).catch(() => {});
        throw e;
      }
    },
    async get(key) {
      return decryptWithAny([opts.key, ...(opts.previousKeys ?? [])], key, await readFile(fileOf(key)));
    },
    async delete(key) {
      try {
        await unlink(fileOf(key, true));
      } catch (e) {
        // Already gone is what we wanted.
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    },
    async ready() {
      await ensureDir();
      await access(dir, constants.W_OK);
    },
    async list() {
      await ensureDir();
      const out: StoredObject[] = [];
      for (const name of await readdir(dir)) {
        // Leftover temporary files of an interrupted write count as objects too, so they get purged.
        if (!isStorageKey(name) && !TEMPORARY.test(name)) continue;
        try {
          const s = await stat(path.join(dir, name));
          if (s.isFile()) out.push({ key: name, modifiedAt: s.mtime });
        } catch {
          // Deleted meanwhile.
        }
      }
      return out;
    },
  };
}
