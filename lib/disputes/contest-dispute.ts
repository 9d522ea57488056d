/**
 * The holder answers "This is still my car": with a copy of their own registration certificate
 * (uploaded like a self-registration's documents) and an optional note, the dispute goes to the
 * reviewer of the claimant's request (support, or the dealer the claimant chose) in the
 * verification queue, who sees both sides' documents and decides. Only the holder of a dispute
 * still waiting for their answer may; anyone else reads it as not found.
 */
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { db } from "../server/db";
import { isUniqueViolation } from "../server/db-errors";
import { leaveMessage } from "../messages/leave";
import { verifyUpload } from "../verification/upload-token";
import { lockVehicle } from "../holdings/vehicles";
import { markSettled } from "./common";

export async function contestDispute(input: { actor: Actor; disputeId: string; upload_REGISTRATION?: string; note?: string | null; now?: Date }): Promise<{ disputeId: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  const seen = await findOwn(input.actor, input.disputeId);
  const upload = input.upload_REGISTRATION ? verifyUpload(input.upload_REGISTRATION, now.getTime()) : null;
  if (!input.upload_REGISTRATION) throw new AppError("VALIDATION", "documents_missing", { fieldErrors: { upload_REGISTRATION: ["document_missing"] } });
  if (!upload || upload.userId !== input.actor.userId || upload.kind !== "REGISTRATION") {
    throw new AppError("VALIDATION", "codes.VALIDATION", { fieldErrors: { upload_REGISTRATION: ["document_invalid"] } });
  }
  try {
    await transaction(async (tx) => {
      await lockVehicle(tx, seen.vehicleId);
      const d = await tx.dispute.findFirst({
        where: { id: input.disputeId, holderId: input.actor.userId },
        select: { id: true, status: true, vehicleId: true, requestId: true, claimantId: true, holderHoldingId: true, vehicle: { select: { make: true, model: true } } },
      });
      if (!d) throw new AppError("NOT_FOUND");
      if (d.status !== "OPEN") throw new AppError("CONFLICT", "dispute_closed");
      // Still theirs to contest: a car removed meanwhile went to the claimant with the removal.
      const holding = await tx.holding.findFirst({ where: { id: d.holderHoldingId, endedAt: null }, select: { id: true } });
      if (!holding) throw new AppError("CONFLICT", "dispute_closed");
      await markSettled(tx, d.id, ["OPEN"], { status: "CONTESTED", answeredAt: now, contestNote: input.note ?? null });
      await tx.disputeDocument.create({ data: { disputeId: d.id, kind: "REGISTRATION", storageKey: upload.storageKey, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes, createdAt: now } });
      await tx.pendingUpload.deleteMany({ where: { userId: input.actor.userId, storageKey: upload.storageKey } });
      await audit(tx, input.actor, "dispute.contested", { entityType: "Dispute", entityId: d.id, vehicleId: d.vehicleId, subjectUserId: input.actor.userId });
      const car = `${d.vehicle.make} ${d.vehicle.model}`;
      await leaveMessage(tx, { userId: d.claimantId, kind: "dispute_contested", data: { car }, link: `/garage/verifications/${d.requestId}` });
    });
  } catch (e) {
    if (!(e instanceof AppError) && isUniqueViolation(e)) throw new AppError("CONFLICT", "document_reused");
    throw e;
  }
  return { disputeId: seen.id };
}

async function findOwn(actor: Actor, id: string) {
  const d = await db.dispute.findFirst({ where: { id, holderId: actor.userId }, select: { id: true, vehicleId: true } });
  if (!d) throw new AppError("NOT_FOUND");
  return d;
}
