import type { Tx } from "../server/database";
import { assertCan, userActor, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { hashPassword } from "../server/password";
import { db } from "../server/db";
import { limitLinkFormByAccount, limitLinkFormByAddress } from "../server/form-limits";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { startOwnerHolding } from "../holdings/holdings";
import { lockVehicle } from "../holdings/vehicles";
import { isSerializationFailure } from "../server/db-errors";
import { AFTER_SALE_STATUSES } from "./rules";
import { assertOpen, transferByToken, transferForRecipient, type OpenTransfer } from "./recipient-transfer";
import { notifyGarageStaff } from "./staff-recipients";
import { settleMessages, splitName } from "./transfer-common";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import type { UserLocale } from "../../i18n/routing";

type Buyer = { id: string; email: string; firstName: string; locale: UserLocale };

/**
 * The buyer becomes the owner: the transfer is spent once (a conditional update wins), the
 * garage's stock holding ends as TRANSFERRED and an OWNER holding of origin TRANSFER starts; the
 * passport, its costs and the car's service history stay with the car. The garage keeps its
 * service relationship (Passport.garageId) until the owner ends it.
 */
async function acceptInTx(tx: Tx, t: OpenTransfer, buyer: Buyer, actor: Actor): Promise<{ vehicleId: string }> {
  // The stock holding ends and the owner's starts under the car's lock, like every holding change.
  await lockVehicle(tx, t.passport.vehicleId);
  const now = new Date();
  const won = await tx.passportTransfer.updateMany({ where: { id: t.id, status: "PENDING" }, data: { status: "ACCEPTED", decidedAt: now } });
  if (won.count !== 1) throw new AppError("GONE", "transfer_used");
  const vehicleId = t.passport.vehicleId;
  const stock = await tx.holding.updateMany({
    where: { vehicleId, kind: "STOCK", organisationId: t.fromOrganisationId, endedAt: null },
    data: { endedAt: now, endReason: "TRANSFERRED" },
  });
  if (stock.count !== 1) throw new AppError("CONFLICT", "not_in_stock");
  await startOwnerHolding(tx, { vehicleId, userId: buyer.id, origin: "TRANSFER", linkedByOrganisationId: t.fromOrganisationId, actor, now });
  // Out of the garage's fleet account, and SOLD: a car its buyer holds is not in stock or reserved
  // (lib/passports/rules.ts). Decided on the row as it is now, not as read above: staff may have
  // saved a status in between, and one after the sale (DELIVERED) stays.
  await tx.$executeRaw`
    UPDATE "Passport" SET "fleetAccountId" = NULL, "updatedAt" = ${now},
      "status" = CASE WHEN "status"::text = ANY(${[...AFTER_SALE_STATUSES]}::text[]) THEN "status" ELSE 'SOLD' END
    WHERE "id" = ${t.passport.id}`;
  await settleMessages(tx, t);
  await audit(tx, actor, "passport.transfer_accepted", {
    entityType: "PassportTransfer",
    entityId: t.id,
    vehicleId,
    subjectUserId: buyer.id,
    data: { passportId: t.passport.id, fromOrganisationId: t.fromOrganisationId },
  });
  await enqueueEmail(tx, {
    to: buyer.email,
    locale: buyer.locale,
    template: "passport-transfer-completed",
    payload: { name: buyer.firstName, garage: t.fromOrganisation.name, car: t.car, plate: t.plate, url: appLink(buyer.locale, `/garage/vehicles/${vehicleId}`) },
  });
  await leaveMessage(tx, { userId: buyer.id, vehicleId, kind: "transfer_completed", data: { garage: t.fromOrganisation.name, car: t.car, plate: t.plate }, link: `/garage/vehicles/${vehicleId}` });
  // The confirming member if still on the garage's staff, else its current admins.
  await notifyGarageStaff(tx, { ...t, passportId: t.passport.id }, "passport-transfer-accepted");
  return { vehicleId };
}

async function run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    const result = await transaction(fn);
    return result;
  } catch (e) {
    if (isSerializationFailure(e)) throw new AppError("GONE", "transfer_used");
    throw e;
  }
}

/** The signed-in recipient, read with the transfer (the caller checked it is theirs). */
function buyerOf(t: OpenTransfer): Buyer {
  if (!t.toUser) throw new AppError("NOT_FOUND", "transfer_invalid");
  return t.toUser;
}

/** The signed-in buyer accepts from the notification in their garage. */
export async function acceptTransfer(input: { actor: Actor; transferId: string }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  return run(async (tx) => {
    const t = assertOpen(await transferForRecipient(tx, input.transferId, input.actor.userId));
    return acceptInTx(tx, t, buyerOf(t), input.actor);
  });
}

/** The signed-in buyer accepts from the e-mailed link; only the account it was sent to may. */
export async function acceptTransferByToken(input: { actor: Actor; token: string }): Promise<{ vehicleId: string }> {
  assertCan(input.actor, "garage:use");
  return run(async (tx) => {
    const t = assertOpen(await transferByToken(tx, input.token));
    if (t.toUserId !== input.actor.userId) throw new AppError("CONFLICT", "transfer_other_account");
    return acceptInTx(tx, t, buyerOf(t), input.actor);
  });
}

/** The transfer's INVITED account, or why it cannot be activated from the link. */
async function accountToActivate(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, status: true } });
  if (!user || user.status === "DISABLED") throw new AppError("NOT_FOUND", "transfer_invalid");
  if (user.status === "ACTIVE") throw new AppError("CONFLICT", "transfer_sign_in_instead");
  return user;
}

/**
 * A buyer without an account follows the transfer link: choosing a password activates the INVITED
 * account (the link proved the address) and makes the buyer the owner, in one transaction.
 * Limited per client address and per account, and the transfer checked, before the password is hashed.
 */
export async function acceptTransferWithNewAccount(input: { token: string; password: string; address: string }): Promise<{ vehicleId: string; email: string }> {
  await limitLinkFormByAddress(input.address);
  const seen = await accountToActivate(db, assertOpen(await transferByToken(db, input.token)).toUserId);
  await limitLinkFormByAccount(seen.email);
  const passwordHash = await hashPassword(input.password);
  return run(async (tx) => {
    const t = assertOpen(await transferByToken(tx, input.token));
    const user = await accountToActivate(tx, t.toUserId);
    const buyer = await tx.user.update({
      where: { id: user.id },
      // The buyer's details as the garage entered them for this transfer (not an older one's).
      data: { passwordHash, status: "ACTIVE", emailVerifiedAt: new Date(), ...splitName(t.name), street: t.street, postalCode: t.postalCode, city: t.city },
      select: { id: true, email: true, firstName: true, locale: true },
    });
    // Other activation links of this account are spent: it is active now.
    await tx.authToken.updateMany({ where: { userId: buyer.id, kind: "ACTIVATION", usedAt: null }, data: { usedAt: new Date() } });
    const actor = userActor(buyer);
    await audit(tx, actor, "account.activated", { entityType: "User", entityId: buyer.id, subjectUserId: buyer.id, data: { via: "passport_transfer" } });
    const r = await acceptInTx(tx, t, buyer, actor);
    return { ...r, email: buyer.email };
  });
}
