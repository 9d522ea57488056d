import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { actingWorkshop } from "../dossier/access";
import type { AddWarrantyInputT } from "./schemas";

/**
 * Staff of a dealer or garage that services the car add a warranty (factory or extended) to it.
 * A car their organisation does not service (now) reads as not found.
 */
type Optional = "organisationId" | "provider" | "coverage" | "endsOn" | "maxKm";
export type WarrantyFields = Omit<AddWarrantyInputT, Optional> & Partial<Pick<AddWarrantyInputT, Optional>>;

export async function addWarranty(input: { actor: Actor } & WarrantyFields): Promise<{ warrantyId: string }> {
  const { actor, organisationId, ...f } = input;
  return transaction(async (tx) => {
    const org = await actingWorkshop(tx, actor, f.vehicleId, organisationId);
    const w = await tx.warranty.create({
      data: {
        vehicleId: f.vehicleId,
        kind: f.warrantyKind,
        startsAt: f.startsOn,
        endsAt: f.endsOn ?? null,
        maxKm: f.maxKm ?? null,
        provider: f.provider ?? null,
        description: f.coverage ?? null,
        organisationId: org.id,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await audit(tx, actor, "warranty.added", {
      organisationId: org.id,
      entityType: "Warranty",
      entityId: w.id,
      vehicleId: f.vehicleId,
      data: { kind: f.warrantyKind, endsOn: f.endsOn?.toISOString().slice(0, 10) ?? null, maxKm: f.maxKm ?? null },
    });
    return { warrantyId: w.id };
  });
}
