import type { Actor } from "../server/authz";
import { db } from "../server/db";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { AppError } from "../server/errors";
import { actingWorkshop } from "./access";
import { discardAttachment, recordAttachment, storeAttachment, type AttachmentFile, type StoredAttachment } from "./attachments";
import { writeEntry, type EntryFields } from "./write-entry";
import type { MileageFinding } from "./mileage";
import { completeAppointments } from "../appointments/close-appointments";
import { resolveRecalls } from "../recalls/resolve-recalls";
import { closeDueByService } from "../maintenance/close-due";

/**
 * Staff of a dealer or garage that services the car record a service, inspection or repair, or
 * correct one of their organisation's entries, with its invoice or report if given. A car their
 * organisation does not service (now) reads as not found. A new entry closes the open recalls its
 * work resolved (`recallIds`), the car's open due item (a service;
 * docs/decisions/0027-recalls-warranties-maintenance.md) and the organisation's confirmed
 * appointment for the car (docs/decisions/0026-appointments.md).
 */
export async function recordWorkshopEntry(
  input: { actor: Actor; organisationId?: string; recallIds?: string[]; attachment?: AttachmentFile } & EntryFields,
): Promise<{ entryId: string; findings: MileageFinding[] }> {
  const { actor, organisationId, recallIds = [], attachment, ...fields } = input;
  let stored: StoredAttachment | null = null;
  if (attachment) {
    // Nobody gets a file decoded for a car their organisation does not service.
    await actingWorkshop(db, actor, fields.vehicleId, organisationId);
    stored = await storeAttachment(actor, attachment);
  }
  try {
    return await transaction(async (tx) => {
      const org = await actingWorkshop(tx, actor, fields.vehicleId, organisationId);
      const result = await writeEntry(
        tx,
        { ...fields, source: "WORKSHOP", organisationId: org.id, workshopName: null, recordedById: actor.userId },
        (target) => target.source === "WORKSHOP" && target.organisationId === org.id,
      );
      const attachmentId = stored ? await recordAttachment(tx, { entryId: result.entryId, vehicleId: fields.vehicleId, uploadedById: actor.userId, stored }) : null;
      await audit(tx, actor, fields.correctsId ? "service.corrected" : "service.recorded", {
        organisationId: org.id,
        entityType: "ServiceRecord",
        entityId: result.entryId,
        vehicleId: fields.vehicleId,
        data: { kind: fields.kind, mileageKm: fields.mileageKm, correctsId: fields.correctsId ?? null, findings: result.findings.join(","), attachmentId },
      });
      if (fields.correctsId) {
        if (recallIds.length) throw new AppError("VALIDATION", "unknown_field");
        return result;
      }
      // The work of a confirmed appointment is recorded: it is done, and the relationship it gave ends.
      await completeAppointments(tx, { actor, organisationId: org.id, vehicleId: fields.vehicleId, performedOn: fields.performedOn, serviceRecordId: result.entryId });
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
      return result;
    });
  } catch (e) {
    await discardAttachment(stored);
    throw e;
  }
}
