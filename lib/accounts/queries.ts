import { db } from "../server/db";
import { hashToken } from "../server/tokens";
import type { AuthTokenKind } from "../../generated/prisma/enums";
import { activationPasswordMode, type ActivationPasswordMode } from "./activation-links";
import { describeDevice } from "./device";

export type LinkState = "valid" | "used" | "expired" | "invalid";

/** What an e-mailed link is worth, without using it (for the page that shows its form). */
export async function peekToken(
  token: string,
  kind: AuthTokenKind,
): Promise<{ state: LinkState; needsPassword: boolean; passwordMode: ActivationPasswordMode; email?: string }> {
  const gone = (state: Exclude<LinkState, "valid">) => ({ state, needsPassword: false, passwordMode: "none" as const });
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return gone("invalid");
  const row = await db.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { kind: true, usedAt: true, expiresAt: true, user: { select: { email: true, passwordHash: true, status: true } } },
  });
  if (!row || row.kind !== kind || row.user.status === "DISABLED") return gone("invalid");
  if (row.usedAt) return gone("used");
  if (row.expiresAt <= new Date()) return gone("expired");
  const passwordMode: ActivationPasswordMode = kind === "ACTIVATION" ? activationPasswordMode(token, row.user) : row.user.passwordHash ? "none" : "choose";
  return { state: "valid", needsPassword: passwordMode !== "none", passwordMode, email: row.user.email };
}

export async function getAccount(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, firstName: true, lastName: true, locale: true, lastSignInAt: true, createdAt: true },
  });
}

/** The user's live sessions, each with its device as people name it ("Chrome on Windows"). */
export async function listSessions(userId: string) {
  const rows = await db.authSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map(({ userAgent, ...s }) => ({ ...s, device: describeDevice(userAgent) }));
}
