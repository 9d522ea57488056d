/** Builders for integration tests: each makes rows with unique keys so tests never collide. */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { newToken } from "@/lib/server/tokens";
import type { Actor } from "@/lib/server/authz";

export const uid = () => randomBytes(5).toString("hex");

/** A unique e-mail address (lower case, as the database stores it). */
export const uniqueEmail = (prefix = "user") => `${prefix}-${uid()}@example.test`;

/** A unique client address, so per-address rate limits never collide between tests. */
export const uniqueAddress = () => `test-client-${uid()}`;

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
/** A European-style VIN (no check digit), unique per call. */
export function makeVin(): string {
  let s = "WP0ZZZ";
  const bytes = randomBytes(11);
  for (const b of bytes) s += VIN_CHARS[b % VIN_CHARS.length];
  return s;
}

let cachedHash: string | undefined;
export const PASSWORD = "correct-horse-battery";

/** A user; `password: null` makes an account without a password (created for an invitation). */
export async function createUser(
  over: Partial<{
    email: string;
    status: "ACTIVE" | "INVITED" | "DISABLED";
    platformRole: "NONE" | "SUPPORT" | "ADMIN";
    locale: "nl" | "en";
    password: string | null;
  }> = {},
) {
  cachedHash ??= await hashPassword(PASSWORD);
  const passwordHash = over.password === undefined ? cachedHash : over.password === null ? null : await hashPassword(over.password);
  return db.user.create({
    data: {
      email: over.email ?? uniqueEmail(),
      passwordHash,
      status: over.status ?? "ACTIVE",
      platformRole: over.platformRole ?? "NONE",
      locale: over.locale ?? "nl",
      firstName: "Test",
      lastName: "User",
    },
  });
}

export async function createOrganisation(kind: "DEALER" | "GARAGE" | "FLEET" = "DEALER", parentId?: string) {
  return db.organisation.create({ data: { name: `${kind} ${uid()}`, kind, parentId, country: "NL" } });
}

export async function createMembership(userId: string, organisationId: string, role: "MEMBER" | "ADMIN" = "MEMBER") {
  return db.membership.create({ data: { userId, organisationId, role } });
}

/** A server-side session row, as verifyCredentials opens it. */
export async function createSession(userId: string, over: Partial<{ expiresAt: Date; revokedAt: Date | null }> = {}) {
  return db.authSession.create({
    data: { userId, expiresAt: over.expiresAt ?? new Date(Date.now() + 24 * 3600_000), revokedAt: over.revokedAt ?? null },
  });
}

/** An e-mailed link token: returns the raw token (what the e-mail carries) and the stored row. */
export async function createAuthToken(
  userId: string,
  kind: "ACTIVATION" | "PASSWORD_RESET",
  over: Partial<{ expiresAt: Date; usedAt: Date | null }> = {},
) {
  const { token, hash } = newToken();
  const row = await db.authToken.create({
    data: { userId, kind, tokenHash: hash, expiresAt: over.expiresAt ?? new Date(Date.now() + 3600_000), usedAt: over.usedAt ?? null },
  });
  return { token, row };
}

/** The outbox rows addressed to one recipient, oldest first. */
export async function outboxFor(to: string) {
  return db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}

/** The raw token at the end of an e-mailed link (`.../activate/<token>`). */
export function tokenFromPayload(payload: unknown): string {
  const url = String((payload as { url?: unknown }).url);
  const token = new URL(url).pathname.split("/").pop();
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

export async function createVehicle() {
  return db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "Taycan", modelYear: 2025, fuel: "ELECTRIC" } });
}

/** The actor as lib/server/session.ts would build it, read from the database. */
export async function actorFor(userId: string, sessionId: string | null = null): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { organisation: true } } },
  });
  return {
    userId: u.id,
    email: u.email,
    name: `${u.firstName} ${u.lastName}`,
    locale: u.locale,
    platformRole: u.platformRole,
    sessionId,
    memberships: u.memberships.map((m) => ({ organisationId: m.organisationId, organisationName: m.organisation.name, kind: m.organisation.kind, role: m.role })),
  };
}
