import type { Actor } from "../server/authz";
import { db } from "../server/db";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { actingWorkshop } from "./access";
import { discardAttachment, recordAttachment, storeAttachment, type AttachmentFile, type StoredAttachment } from "./attachments";
import { writeEntry, type EntryFields } from "./write-entry";
import type { MileageFinding } from "./mileage";

/**
 * Staff of a dealer or garage that services the car record a service, inspection or repair, or
 * correct one of their organisation's entries, with its invoice or report if given. A car their
 * organisation does not service (now) reads as not found.
 */
export async function recordWorkshopEntry(
  input: { actor: Actor; organisationId?: string; attachment?: AttachmentFile } & EntryFields,
): Promise<{ entryId: string; findings: MileageFinding[] }> {
  const { actor, organisationId, attachment, ...fields } = input;
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
      return result;
    });
  } catch (e) {
    await discardAttachment(stored);
    throw e;
  }
}
