import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { staffPassport } from "./common";
import { forgetUnclaimedRecipient, settleMessages } from "./transfer-common";
import { transaction } from "../server/transaction";

/**
 * The garage withdraws a pending transfer (the sale fell through, a wrong buyer): its link stops
 * working, the buyer's notification goes, the buyer is told by e-mail, and the car's contact
 * details are cleared; the car stays in the garage's stock.
 */
export async function cancelTransfer(input: { actor: Actor; passportId: string }): Promise<void> {
  await transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    if (!p.pending) throw new AppError("CONFLICT", "transfer_not_pending");
    const won = await tx.passportTransfer.updateMany({ where: { id: p.pending.id, status: "PENDING" }, data: { status: "CANCELLED", decidedAt: new Date() } });
    if (won.count !== 1) throw new AppError("CONFLICT", "transfer_not_pending");
    await settleMessages(tx, p.pending);
    await forgetUnclaimedRecipient(tx, await tx.passportTransfer.findUniqueOrThrow({ where: { id: p.pending.id }, select: { toUserId: true, name: true } }));
    const buyer = p.pending.toUserId
      ? await tx.user.findUnique({ where: { id: p.pending.toUserId }, select: { locale: true, firstName: true, status: true } })
      : null;
    await enqueueEmail(tx, {
      // The address the offer went to (support may have corrected it since the account was made).
      to: p.pending.email,
      locale: buyer?.locale ?? "nl",
      template: "passport-transfer-withdrawn",
      payload: { name: buyer?.status === "ACTIVE" ? buyer.firstName : "", garage: p.garage.name, car: p.car, plate: p.plate },
    });
    // An inbox message only for a buyer with an account of their own (one never activated has no inbox to read).
    if (buyer?.status === "ACTIVE" && p.pending.toUserId) {
      await leaveMessage(tx, { userId: p.pending.toUserId, kind: "transfer_withdrawn", data: { garage: p.garage.name, car: p.car, plate: p.plate } });
    }
    await tx.passport.update({
      where: { id: p.id },
      data: { contactName: null, contactStreet: null, contactPostalCode: null, contactCity: null, contactEmail: null },
    });
    await audit(tx, input.actor, "passport.transfer_cancelled", {
      organisationId: p.garageId,
      entityType: "PassportTransfer",
      entityId: p.pending.id,
      vehicleId: p.vehicleId,
      subjectUserId: p.pending.toUserId,
      data: { passportId: p.id },
    });
  });
}
