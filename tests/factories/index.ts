/** Builders for integration tests: each makes rows with unique keys so tests never collide. */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import type { Actor } from "@/lib/server/authz";

export const uid = () => randomBytes(5).toString("hex");

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

export async function createUser(over: Partial<{ email: string; status: "ACTIVE" | "INVITED" | "DISABLED"; platformRole: "NONE" | "SUPPORT" | "ADMIN"; locale: "nl" | "en" }> = {}) {
  cachedHash ??= await hashPassword(PASSWORD);
  return db.user.create({
    data: {
      email: over.email ?? `user-${uid()}@example.test`,
      passwordHash: cachedHash,
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
