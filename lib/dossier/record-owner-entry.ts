import { assertCan, type Actor } from "../server/authz";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { transaction } from "../server/transaction";
import { writeEntry, type EntryFields } from "./write-entry";
import type { MileageFinding } from "./mileage";
import { closeDueByService } from "../maintenance/close-due";

/**
 * The car's owner adds an entry of their own (shown as reported by the owner, never as a
 * workshop's), or corrects one of their own. An authorised driver, a former owner and anyone else
 * find no such car.
 */
export async function recordOwnerEntry(input: { actor: Actor; workshopName?: string } & EntryFields): Promise<{ entryId: string; findings: MileageFinding[] }> {
  const { actor, workshopName, ...fields } = input;
  assertCan(actor, "garage:use");
  return transaction(async (tx) => {
    const holding = await tx.holding.findFirst({ where: { vehicleId: fields.vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null }, select: { id: true } });
    if (!holding) throw new AppError("NOT_FOUND", "vehicle_not_held");
    const result = await writeEntry(
      tx,
      { ...fields, source: "OWNER", organisationId: null, workshopName: workshopName ?? null, recordedById: actor.userId },
      (target) => target.source === "OWNER" && target.recordedById === actor.userId,
    );
    await audit(tx, actor, fields.correctsId ? "service.corrected" : "service.recorded", {
      entityType: "ServiceRecord",
      entityId: result.entryId,
      vehicleId: fields.vehicleId,
      data: { kind: fields.kind, mileageKm: fields.mileageKm, correctsId: fields.correctsId ?? null, findings: result.findings.join(","), holdingId: holding.id },
    });
    // A service the owner reports closes the car's open due item, as a workshop's does.
    if (!fields.correctsId) await closeDueByService(tx, { vehicleId: fields.vehicleId, kind: fields.kind, performedOn: fields.performedOn, serviceRecordId: result.entryId });
    return result;
  });
}
