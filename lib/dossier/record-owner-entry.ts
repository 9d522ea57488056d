import { assertCan, type Actor } from "../server/authz";
import { db } from "../server/db";
import { audit } from "../server/audit";
import { AppError } from "../server/errors";
import { transaction } from "../server/transaction";
import { discardAttachment, recordAttachment, storeAttachment, type AttachmentFile, type StoredAttachment } from "./attachments";
import { writeEntry, type EntryFields } from "./write-entry";
import type { MileageFinding } from "./mileage";
import { closeDueByService } from "../maintenance/close-due";

const ownerHolding = (client: Pick<typeof db, "holding">, actor: Actor, vehicleId: string) =>
  client.holding.findFirst({ where: { vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null }, select: { id: true } });

/**
 * The car's owner adds an entry of their own (shown as reported by the owner, never as a
 * workshop's), or corrects one of their own, with its invoice or report if given. An authorised
 * driver, a former owner and anyone else find no such car.
 */
export async function recordOwnerEntry(
  input: { actor: Actor; workshopName?: string; attachment?: AttachmentFile } & EntryFields,
): Promise<{ entryId: string; findings: MileageFinding[] }> {
  const { actor, workshopName, attachment, ...fields } = input;
  assertCan(actor, "garage:use");
  let stored: StoredAttachment | null = null;
  if (attachment) {
    // Nobody gets a file decoded for a car they do not own.
    if (!(await ownerHolding(db, actor, fields.vehicleId))) throw new AppError("NOT_FOUND", "vehicle_not_held");
    stored = await storeAttachment(actor, attachment);
  }
  try {
    return await transaction(async (tx) => {
      const holding = await ownerHolding(tx, actor, fields.vehicleId);
      if (!holding) throw new AppError("NOT_FOUND", "vehicle_not_held");
      const result = await writeEntry(
        tx,
        { ...fields, source: "OWNER", organisationId: null, workshopName: workshopName ?? null, recordedById: actor.userId },
        (target) => target.source === "OWNER" && target.recordedById === actor.userId,
      );
      const attachmentId = stored ? await recordAttachment(tx, { entryId: result.entryId, vehicleId: fields.vehicleId, uploadedById: actor.userId, stored }) : null;
      await audit(tx, actor, fields.correctsId ? "service.corrected" : "service.recorded", {
        entityType: "ServiceRecord",
        entityId: result.entryId,
        vehicleId: fields.vehicleId,
        data: { kind: fields.kind, mileageKm: fields.mileageKm, correctsId: fields.correctsId ?? null, findings: result.findings.join(","), holdingId: holding.id, attachmentId },
      });
      // A service the owner reports closes the car's open due item, as a workshop's does.
      if (!fields.correctsId) await closeDueByService(tx, { vehicleId: fields.vehicleId, kind: fields.kind, performedOn: fields.performedOn, serviceRecordId: result.entryId });
      return result;
    });
  } catch (e) {
    await discardAttachment(stored);
    throw e;
  }
}
