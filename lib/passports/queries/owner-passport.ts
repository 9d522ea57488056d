import { db } from "../../server/db";
import { assertCan, type Actor } from "../../server/authz";
import { totalCents } from "../amount";

/**
 * The car's AutoPaspoort as its current owner or driver sees it. The history names the garage and
 * "you" for the viewer's own transfer; any other private owner stays anonymous.
 */
export async function getOwnerPassport(actor: Actor, vehicleId: string) {
  assertCan(actor, "garage:use");
  const holding = await db.holding.findFirst({
    where: { vehicleId, userId: actor.userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] } },
    select: { kind: true },
  });
  if (!holding) return null;
  const p = await db.passport.findUnique({
    where: { vehicleId },
    select: {
      status: true,
      notes: true,
      activatedAt: true,
      serviceRelationshipEndedAt: true,
      garage: { select: { name: true } },
      costItems: { orderBy: { createdAt: "asc" }, select: { id: true, description: true, amountCents: true } },
      maintenanceItems: { orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }], select: { id: true, description: true, dueAt: true, doneAt: true } },
      createdAt: true,
      transfers: { where: { status: "ACCEPTED" }, orderBy: { decidedAt: "asc" }, select: { id: true, decidedAt: true, toUserId: true, fromOrganisation: { select: { name: true } } } },
    },
  });
  if (!p) return null;
  return {
    vehicleId,
    status: p.status,
    notes: p.notes,
    activatedAt: p.activatedAt,
    /** When and by which garage the passport was created: the sender of its first transfer held the car first. */
    createdAt: p.createdAt,
    createdBy: p.transfers[0]?.fromOrganisation.name ?? p.garage.name,
    garage: p.garage.name,
    relationshipEndedAt: p.serviceRelationshipEndedAt,
    canEndRelationship: holding.kind === "OWNER" && !p.serviceRelationshipEndedAt,
    costItems: p.costItems,
    totalCents: totalCents(p.costItems),
    maintenanceItems: p.maintenanceItems,
    history: p.transfers.map((t) => ({ id: t.id, date: t.decidedAt, from: t.fromOrganisation.name, to: t.toUserId === actor.userId ? ("you" as const) : ("privateOwner" as const) })),
  };
}

export type OwnerPassport = NonNullable<Awaited<ReturnType<typeof getOwnerPassport>>>;
