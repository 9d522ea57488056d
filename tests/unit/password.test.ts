import { scryptSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashingStats, hashPassword, verifyPassword } from "@/lib/server/password";
import { hashToken, newToken } from "@/lib/server/tokens";
import { passwordHashConcurrency } from "@/lib/server/env-schema";

describe("password hashing (scrypt)", () => {
  it("stores scrypt$N$r$p$salt$hash with a fresh salt per hash", async () => {
    const a = await hashPassword("correct-horse-battery");
    const b = await hashPassword("correct-horse-battery");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct-horse-battery");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct-horse-battery");
    expect(await verifyPassword("correct-horse-battery", stored)).toBe(true);
    expect(await verifyPassword("correct-horse-batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("compares passwords after NFKC normalisation", async () => {
    const stored = await hashPassword("\ufb01sh-and-chips"); // "ﬁ" ligature
    expect(await verifyPassword("fish-and-chips", stored)).toBe(true);
  });

  it("reads the parameters from the stored hash, so they can rise later", async () => {
    const salt = randomBytes(16);
    const key = scryptSync("old-password-123", salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
    expect(await verifyPassword("old-password-123", stored)).toBe(true);
    expect(await verifyPassword("new-password-123", stored)).toBe(false);
  });

  it("returns false for an unknown or malformed format", async () => {
    expect(await verifyPassword("secret", "bcrypt$2b$10$abcdefghijklmnopqrstuv")).toBe(false);
    expect(await verifyPassword("secret", "secret")).toBe(false);
    expect(await verifyPassword("secret", "scrypt$32768$8$1$")).toBe(false);
  });

  it("returns false without a stored hash (an account without a password)", async () => {
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("anything", undefined)).toBe(false);
    expect(await verifyPassword("anything", "")).toBe(false);
  });
});

describe("password hashing slots", () => {
  it("runs at most PASSWORD_HASH_CONCURRENCY derivations at once: N+5 hashes queue and all complete", async () => {
    const { size, derivations } = hashingStats();
    expect(size).toBe(passwordHashConcurrency(process.env)); // 2 by default: half of Node's thread pool of 4
    const passwords = Array.from({ length: size + 5 }, (_, i) => `password-number-${i}`);
    const hashes = passwords.map((p) => hashPassword(p));
    // Admission happens synchronously: N hold a slot, 5 wait in line.
    expect(hashingStats()).toMatchObject({ running: size, queued: 5 });
    const stored = await Promise.all(hashes);
    expect(hashingStats()).toMatchObject({ running: 0, queued: 0, derivations: derivations + size + 5 });
    expect(hashingStats().peak).toBe(size);
    // Each is a real hash of its own password.
    expect(await verifyPassword(passwords[6]!, stored[6])).toBe(true);
    expect(await verifyPassword(passwords[6]!, stored[5])).toBe(false);
    // Nine real scrypt hashes through two slots: a time limit here would measure the machine, not the code.
  }, 120_000);
});

describe("link tokens", () => {
  it("are 256-bit base64url strings stored only as their SHA-256", () => {
    const { token, hash } = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hash);
    expect(hash).not.toContain(token);
    expect(newToken().token).not.toBe(token);
  });
});
