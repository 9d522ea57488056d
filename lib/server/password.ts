/**
 * Password hashing with scrypt (memory-hard, in Node's standard library): N=2^15, r=8, p=1,
 * 32 MiB per hash, stored as `scrypt$N$r$p$salt$hash` so parameters can rise later.
 *
 * scrypt runs on libuv's thread pool, which file and DNS work share. At most
 * PASSWORD_HASH_CONCURRENCY derivations run at once (default half the pool); the others queue, and
 * sign-in checks (verifyPassword) are admitted before queued new-password hashes (hashPassword),
 * so a flood of sign-ups or resets delays those, not everybody's sign-in
 * (docs/decisions/0016-signed-out-limits.md).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { passwordHashConcurrency } from "./env-schema";
import { Semaphore } from "./semaphore";

let slots: Semaphore | undefined;
const counters = { derivations: 0, peak: 0 };

function hashingSlots(): Semaphore {
  // Read here rather than through env.ts: the seed script hashes outside the server.
  slots ??= new Semaphore(passwordHashConcurrency(process.env));
  return slots;
}

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions, urgent: boolean) => {
  const s = hashingSlots();
  return s.run(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        counters.derivations++;
        counters.peak = Math.max(counters.peak, s.active);
        scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key)));
      }),
    { urgent },
  );
};

/**
 * How much hashing this process did: derivations started, the most running at once, and now
 * running or queued. Tests use it to check that a refused request hashed nothing.
 */
export function hashingStats(): { derivations: number; peak: number; running: number; queued: number; size: number } {
  const s = hashingSlots();
  return { ...counters, running: s.active, queued: s.waiting, size: s.size };
}

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const maxmem = 128 * N * R * 2;

async function hashWith(password: string, urgent: boolean): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, KEYLEN, { N, r: R, p: P, maxmem }, urgent);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** A new password's hash; queues behind sign-in checks when all slots are taken. */
export async function hashPassword(password: string): Promise<string> {
  return hashWith(password, false);
}

/** Checks a password against its stored hash; admitted before queued hashPassword calls. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so timing does not reveal whether an account exists.
    await hashWith(password, true);
    return false;
  }
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 128 * Number(n) * Number(r) * 2,
  }, true);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
