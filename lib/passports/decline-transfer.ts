import type { Tx } from "../server/database";
import { assertCan, userActor, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { isSerializationFailure } from "../server/db-errors";
import { assertOpen, transferByToken, transferForRecipient, type OpenTransfer } from "./recipient-transfer";
import { notifyGarageStaff } from "./staff-recipients";
import { forgetUnclaimedRecipient, settleMessages } from "./transfer-common";
import { transaction } from "../server/transaction";

/**
 * The buyer declines: the car stays in the garage's stock (its STOCK holding never ended), the
 * buyer's contact details leave the profile, and the garage's current staff are told
 * (staff-recipients.ts).
 */
async function declineInTx(tx: Tx, t: OpenTransfer, actor: Actor): Promise<{ passportId: string }> {
  const won = await tx.passportTransfer.updateMany({ where: { id: t.id, status: "PENDING" }, data: { status: "DECLINED", decidedAt: new Date() } });
  if (won.count !== 1) throw new AppError("GONE", "transfer_used");
  await settleMessages(tx, t);
  await forgetUnclaimedRecipient(tx, t);
  await tx.passport.update({
    where: { id: t.passport.id },
    data: { contactName: null, contactStreet: null, contactPostalCode: null, contactCity: null, contactEmail: null },
  });
  await audit(tx, actor, "passport.transfer_declined", {
    entityType: "PassportTransfer",
    entityId: t.id,
    vehicleId: t.passport.vehicleId,
    subjectUserId: t.toUserId,
    data: { passportId: t.passport.id },
  });
  await notifyGarageStaff(tx, { ...t, passportId: t.passport.id }, "passport-transfer-declined");
  return { passportId: t.passport.id };
}

async function run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    const r = await transaction(fn);
    return r;
  } catch (e) {
    if (isSerializationFailure(e)) throw new AppError("GONE", "transfer_used");
    throw e;
  }
}

/** The signed-in recipient declines (from the garage notification or the link). */
export async function declineTransfer(input: { actor: Actor; transferId: string }): Promise<void> {
  assertCan(input.actor, "garage:use");
  await run(async (tx) => declineInTx(tx, assertOpen(await transferForRecipient(tx, input.transferId, input.actor.userId)), input.actor));
}

/** A recipient without an account declines from the link (which proves the address). */
export async function declineTransferByToken(input: { token: string }): Promise<void> {
  await run(async (tx) => {
    const t = assertOpen(await transferByToken(tx, input.token));
    const user = await tx.user.findUniqueOrThrow({ where: { id: t.toUserId }, select: { id: true, email: true, locale: true, status: true } });
    if (user.status === "ACTIVE") throw new AppError("CONFLICT", "transfer_sign_in_instead");
    return declineInTx(tx, t, userActor(user));
  });
}
