/** Writes one row of the append-only audit log inside the caller's transaction. */
import type { Tx } from "./database";
import type { Actor } from "./authz";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  vehicleId?: string | null;
  subjectUserId?: string | null;
  data?: Record<string, string | number | boolean | null>;
}

/** "dealer:admin", "garage:member", "support", "admin", "owner" or "system". */
export function actorRole(actor: Actor | null, organisationId?: string | null): string {
  if (!actor) return "system";
  const m = organisationId ? actor.memberships.find((x) => x.organisationId === organisationId) : undefined;
  if (m) return `${m.kind.toLowerCase()}:${m.role.toLowerCase()}`;
  if (actor.platformRole === "SUPPORT") return "support";
  if (actor.platformRole === "ADMIN") return "admin";
  return "owner";
}

export async function audit(tx: Tx, actor: Actor | null, entry: AuditEntry & { organisationId?: string | null }): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: actor?.userId ?? null,
      actorOrganisationId: entry.organisationId ?? null,
      actorRole: actorRole(actor, entry.organisationId),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      vehicleId: entry.vehicleId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      data: entry.data ?? {},
    },
  });
}
