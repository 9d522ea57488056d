import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { newToken } from "../server/tokens";
import { isSerializationFailure, isUniqueViolation } from "../server/db-errors";
import { staffPassport, TRANSFER_TTL_MS } from "./common";
import { notifyRecipient, resolveRecipient, type RecipientKind } from "./transfer-common";
import { transaction } from "../server/transaction";
import type { UserLocale } from "../../i18n/routing";

export interface ConfirmTransferInput {
  actor: Actor;
  passportId: string;
  name: string;
  street?: string;
  postalCode?: string;
  city?: string;
  email: string;
  locale: UserLocale;
}

/**
 * The sales desk changes the customer profile's contact details to the buyer's and confirms: one
 * transaction records the transfer (pending until the buyer accepts), the contact details, the
 * buyer's account or notification, the e-mail and the audit row. From here on the e-mail address
 * cannot be changed by the garage. Refused while the passport is linked to a fleet account.
 */
export async function confirmTransfer(input: ConfirmTransferInput): Promise<{ transferId: string; recipient: RecipientKind }> {
  const { token, hash } = newToken();
  try {
    const result = await transaction(async (tx) => {
      // The row lock makes two confirmations of one passport run one after the other.
      const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
      if (p.fleetAccountId) throw new AppError("CONFLICT", "fleet_linked");
      if (!p.inStock) throw new AppError("CONFLICT", "not_in_stock");
      const now = new Date();
      if (p.pending && p.pending.expiresAt > now) throw new AppError("CONFLICT", "transfer_pending");
      if (p.pending) {
        // An expired transfer gives way to the new one.
        await tx.passportTransfer.update({ where: { id: p.pending.id }, data: { status: "CANCELLED", decidedAt: now } });
      }
      const owner = await tx.holding.findFirst({ where: { vehicleId: p.vehicleId, kind: "OWNER", endedAt: null }, select: { id: true } });
      if (owner) throw new AppError("CONFLICT", "vehicle_has_owner_passport");

      const recipient = await resolveRecipient(tx, input);
      const transfer = await tx.passportTransfer.create({
        data: {
          passportId: p.id,
          fromOrganisationId: p.garageId,
          toUserId: recipient.id,
          email: recipient.email,
          name: input.name,
          street: input.street ?? null,
          postalCode: input.postalCode ?? null,
          city: input.city ?? null,
          tokenHash: hash,
          confirmedById: input.actor.userId,
          expiresAt: new Date(now.getTime() + TRANSFER_TTL_MS),
        },
        select: { id: true },
      });
      await tx.passport.update({
        where: { id: p.id },
        data: { contactName: input.name, contactStreet: input.street ?? null, contactPostalCode: input.postalCode ?? null, contactCity: input.city ?? null, contactEmail: recipient.email },
      });
      await notifyRecipient(tx, { recipient, transferId: transfer.id, vehicleId: p.vehicleId, token, garage: p.garage.name, car: p.car, plate: p.plate, name: input.name });
      await audit(tx, input.actor, "passport.transfer_confirmed", {
        organisationId: p.garageId,
        entityType: "PassportTransfer",
        entityId: transfer.id,
        vehicleId: p.vehicleId,
        subjectUserId: recipient.id,
        data: { passportId: p.id, recipient: recipient.kind },
      });
      return { transferId: transfer.id, recipient: recipient.kind };
    });
    return result;
  } catch (e) {
    // The database admits one pending transfer per passport (partial unique index).
    if ((isUniqueViolation(e) || isSerializationFailure(e)) && !(e instanceof AppError)) throw new AppError("CONFLICT", "transfer_pending");
    throw e;
  }
}
