/** Random link tokens: the e-mail carries the token, the database only its SHA-256. */
import { createHash, randomBytes } from "node:crypto";

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const HOUR = 3_600_000;
export const TOKEN_TTL = {
  ACTIVATION: 72 * HOUR,
  PASSWORD_RESET: 30 * 60_000,
  /** The link to the new address of an e-mail change (docs/decisions/0031). */
  EMAIL_CHANGE: 24 * HOUR,
  /** "This was not me" in the notice to the old address. */
  EMAIL_CHANGE_REPORT: 7 * 24 * HOUR,
} as const;
