import { db } from "../../server/db";
import type { Actor } from "../../server/authz";
import { viewerHoldingOf } from "../../holdings/viewer";
import { totalCents } from "../amount";
import { inCurrentPeriod } from "../common";

/**
 * The car's AutoPaspoort as its current owner or driver sees it. The history names the garage and
 * "you" for the viewer's own transfer; any other private owner stays anonymous.
 *
 * The garage's notes and expected delivery costs belong to one sale: only its buyer sees them, the
 * owner whose holding came from that transfer (an OWNER holding of origin TRANSFER, and the
 * accepted transfer of the passport's current stock period was to them), while that holding
 * lasts. A later owner of the car (linked at the desk, by self-registration or an invitation)
 * and an authorised driver see neither. While a garage holds the car in stock the passport is
 * its internal record: no owner or driver sees it.
 */
export async function getOwnerPassport(actor: Actor, vehicleId: string) {
  const holding = await viewerHoldingOf(actor, vehicleId);
  if (!holding) return null;
  // Not while a garage holds the car in stock: then no passport reads (one statement for both).
  const p = await db.passport.findFirst({
    where: { vehicleId, vehicle: { holdings: { none: { kind: "STOCK", endedAt: null } } } },
    select: {
      id: true,
      status: true,
      activatedAt: true,
      serviceRelationshipEndedAt: true,
      garage: { select: { name: true } },
      maintenanceItems: { orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }], select: { id: true, description: true, dueAt: true, doneAt: true } },
      createdAt: true,
      transfers: { where: { status: "ACCEPTED" }, orderBy: { decidedAt: "asc" }, select: { id: true, decidedAt: true, confirmedAt: true, toUserId: true, fromOrganisation: { select: { name: true } } } },
    },
  });
  if (!p) return null;
  // One accepted transfer per stock period (the car leaves stock with it): this sale's buyer is the viewer.
  const ownSale = holding.kind === "OWNER" && holding.origin === "TRANSFER" && p.transfers.some((t) => inCurrentPeriod(t, p) && t.toUserId === actor.userId);
  const sale = ownSale
    ? await db.passport.findUniqueOrThrow({
        where: { id: p.id },
        select: { notes: true, costItems: { orderBy: { createdAt: "asc" }, select: { id: true, description: true, amountCents: true } } },
      })
    : { notes: "", costItems: [] };
  return {
    vehicleId,
    status: p.status,
    /** The notes and costs of the sale to the viewer (empty for anyone else). */
    ownSale,
    notes: sale.notes,
    activatedAt: p.activatedAt,
    /** When and by which garage the passport was created: the sender of its first transfer held the car first. */
    createdAt: p.createdAt,
    createdBy: p.transfers[0]?.fromOrganisation.name ?? p.garage.name,
    garage: p.garage.name,
    relationshipEndedAt: p.serviceRelationshipEndedAt,
    canEndRelationship: holding.kind === "OWNER" && !p.serviceRelationshipEndedAt,
    costItems: sale.costItems,
    totalCents: totalCents(sale.costItems),
    maintenanceItems: p.maintenanceItems,
    history: p.transfers.map((t) => ({ id: t.id, date: t.decidedAt, from: t.fromOrganisation.name, to: t.toUserId === actor.userId ? ("you" as const) : ("privateOwner" as const) })),
  };
}

export type OwnerPassport = NonNullable<Awaited<ReturnType<typeof getOwnerPassport>>>;
