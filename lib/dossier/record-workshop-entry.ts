import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { AppError } from "../server/errors";
import { actingWorkshop } from "./access";
import { writeEntry, type EntryFields } from "./write-entry";
import type { MileageFinding } from "./mileage";
import { completeAppointments } from "../appointments/close-appointments";
import { resolveRecalls } from "../recalls/resolve-recalls";
import { closeDueByService } from "../maintenance/close-due";

/**
 * Staff of a dealer or garage that services the car record a service, inspection or repair, or
 * correct one of their organisation's entries. A car their organisation does not service (now)
 * reads as not found. A new entry closes the open recalls its work resolved (`recallIds`) and, a
 * service, the car's open due item (docs/decisions/0027-recalls-warranties-maintenance.md).
 */
export async function recordWorkshopEntry(input: { actor: Actor; organisationId?: string; recallIds?: string[] } & EntryFields): Promise<{ entryId: string; findings: MileageFinding[] }> {
  const { actor, organisationId, recallIds = [], ...fields } = input;
  return transaction(async (tx) => {
    const org = await actingWorkshop(tx, actor, fields.vehicleId, organisationId);
    const result = await writeEntry(
      tx,
      { ...fields, source: "WORKSHOP", organisationId: org.id, workshopName: null, recordedById: actor.userId },
      (target) => target.source === "WORKSHOP" && target.organisationId === org.id,
    );
    await audit(tx, actor, fields.correctsId ? "service.corrected" : "service.recorded", {
      organisationId: org.id,
      entityType: "ServiceRecord",
      entityId: result.entryId,
      vehicleId: fields.vehicleId,
      data: { kind: fields.kind, mileageKm: fields.mileageKm, correctsId: fields.correctsId ?? null, findings: result.findings.join(",") },
    });
    // The work of a confirmed appointment is recorded: it is done, and the relationship it gave ends.
    if (!fields.correctsId) await completeAppointments(tx, { actor, organisationId: org.id, vehicleId: fields.vehicleId, performedOn: fields.performedOn, serviceRecordId: result.entryId });
    if (!fields.correctsId) {
      const resolved = await resolveRecalls(tx, { vehicleId: fields.vehicleId, recallIds, serviceRecordId: result.entryId, at: new Date() });
      if (resolved) {
        await audit(tx, actor, "recall.resolved", {
          organisationId: org.id,
          entityType: "ServiceRecord",
          entityId: result.entryId,
          vehicleId: fields.vehicleId,
          data: { recallIds: recallIds.join(",") },
        });
      }
      await closeDueByService(tx, { vehicleId: fields.vehicleId, kind: fields.kind, performedOn: fields.performedOn, serviceRecordId: result.entryId });
    } else if (recallIds.length) {
      throw new AppError("VALIDATION", "unknown_field");
    }
    return result;
  });
}
