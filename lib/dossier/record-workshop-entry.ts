import type { Actor } from "../server/authz";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { actingWorkshop } from "./access";
import { writeEntry, type EntryFields } from "./write-entry";
import type { MileageFinding } from "./mileage";
import { completeAppointments } from "../appointments/close-appointments";

/**
 * Staff of a dealer or garage that services the car record a service, inspection or repair, or
 * correct one of their organisation's entries. A car their organisation does not service (now)
 * reads as not found.
 */
export async function recordWorkshopEntry(input: { actor: Actor; organisationId?: string } & EntryFields): Promise<{ entryId: string; findings: MileageFinding[] }> {
  const { actor, organisationId, ...fields } = input;
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
    return result;
  });
}
