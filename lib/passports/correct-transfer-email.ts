import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { newToken } from "../server/tokens";
import { isSerializationFailure, isUniqueViolation } from "../server/db-errors";
import { carLabel, plateLabel, TRANSFER_TTL_MS } from "./common";
import { forgetUnclaimedRecipient, notifyRecipient, resolveRecipient, settleMessages } from "./transfer-common";
import { transaction } from "../server/transaction";

/**
 * Support corrects the buyer's e-mail address of a pending transfer (the garage cannot, seed 002):
 * the transfer is superseded, so its link stops working, and a new transfer with a fresh link goes
 * to the corrected address. The name, address and confirming staff member stay as confirmed.
 */
export async function correctTransferEmail(input: { actor: Actor; transferId: string; email: string }): Promise<{ transferId: string }> {
  assertCan(input.actor, "transfers:correct");
  const { token, hash } = newToken();
  try {
    const result = await transaction(async (tx) => {
      const old = await tx.passportTransfer.findUnique({
        where: { id: input.transferId },
        select: {
          id: true,
          status: true,
          email: true,
          toUserId: true,
          name: true,
          street: true,
          postalCode: true,
          city: true,
          passportId: true,
          fromOrganisationId: true,
          confirmedById: true,
          confirmedAt: true,
          toUser: { select: { locale: true } },
          fromOrganisation: { select: { name: true } },
          passport: { select: { vehicleId: true, vehicle: { select: { make: true, model: true, plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1 } } } } },
        },
      });
      if (!old) throw new AppError("NOT_FOUND");
      if (old.email === input.email) throw new AppError("VALIDATION", "email_same", { fieldErrors: { email: ["email_same"] } });
      const won = await tx.passportTransfer.updateMany({ where: { id: old.id, status: "PENDING" }, data: { status: "SUPERSEDED", decidedAt: new Date() } });
      if (won.count !== 1) throw new AppError("CONFLICT", "transfer_not_pending");
      await settleMessages(tx, old);
      await forgetUnclaimedRecipient(tx, old);

      const recipient = await resolveRecipient(tx, {
        email: input.email,
        name: old.name,
        locale: old.toUser?.locale ?? "nl",
        street: old.street,
        postalCode: old.postalCode,
        city: old.city,
      });
      const transfer = await tx.passportTransfer.create({
        data: {
          passportId: old.passportId,
          fromOrganisationId: old.fromOrganisationId,
          toUserId: recipient.id,
          email: recipient.email,
          name: old.name,
          street: old.street,
          postalCode: old.postalCode,
          city: old.city,
          tokenHash: hash,
          confirmedById: old.confirmedById,
          confirmedAt: old.confirmedAt,
          expiresAt: new Date(Date.now() + TRANSFER_TTL_MS),
        },
        select: { id: true },
      });
      await tx.passport.update({ where: { id: old.passportId }, data: { contactEmail: recipient.email } });
      const vehicle = old.passport.vehicle;
      await notifyRecipient(tx, {
        recipient,
        transferId: transfer.id,
        vehicleId: old.passport.vehicleId,
        token,
        garage: old.fromOrganisation.name,
        car: carLabel(vehicle),
        plate: plateLabel(vehicle.plates),
        name: old.name,
      });
      await audit(tx, input.actor, "passport.transfer_corrected", {
        entityType: "PassportTransfer",
        entityId: transfer.id,
        vehicleId: old.passport.vehicleId,
        subjectUserId: recipient.id,
        data: { passportId: old.passportId, supersedes: old.id },
      });
      return { transferId: transfer.id };
    });
    return result;
  } catch (e) {
    if ((isUniqueViolation(e) || isSerializationFailure(e)) && !(e instanceof AppError)) throw new AppError("CONFLICT", "transfer_not_pending");
    throw e;
  }
}
