/**
 * The owner invites an authorised driver by e-mail (docs/decisions/0029): a single-use link,
 * bound to the address, valid 14 days. Inviting an address again replaces its waiting invitation
 * (the old link stops working). The owner's own address, and a driver already driving the car,
 * are refused. Audited; the e-mail goes through the outbox in the same transaction.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { hit } from "../server/rate-limit";
import { enqueueEmail } from "../server/mail/outbox";
import { newToken } from "../server/tokens";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import type { UserLocale } from "../../i18n/routing";
import { carLabel, DRIVER_INVITATION_TTL_MS, DRIVER_INVITE_LIMIT, MAX_PENDING_DRIVER_INVITATIONS, ownHolding } from "./common";

export async function inviteDriver(input: { actor: Actor; vehicleId: string; email: string; locale: UserLocale; now?: Date }): Promise<{ invitationId: string; email: string }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  // The car is checked first: a stranger's call counts against nothing and learns nothing.
  await ownHolding(db, input.actor, input.vehicleId);
  if (!(await hit(db, `driver-invite:${input.actor.userId}`, DRIVER_INVITE_LIMIT, now))) throw new AppError("RATE_LIMITED");
  const email = input.email.toLowerCase();
  if (email === input.actor.email.toLowerCase()) throw new AppError("VALIDATION", "driver_is_owner", { fieldErrors: { email: ["driver_is_owner"] } });
  const { token, hash } = newToken();
  return transaction(async (tx) => {
    await lockVehicle(tx, input.vehicleId);
    const owner = await ownHolding(tx, input.actor, input.vehicleId);
    const driving = await tx.holding.count({ where: { vehicleId: input.vehicleId, kind: "DRIVER", endedAt: null, user: { email } } });
    if (driving) throw new AppError("CONFLICT", "driver_already", { fieldErrors: { email: ["driver_already"] } });
    const replaced = await tx.driverInvitation.updateMany({
      where: { ownerHoldingId: owner.id, email, status: "PENDING" },
      data: { status: "REVOKED", endedAt: now },
    });
    const waiting = await tx.driverInvitation.count({ where: { ownerHoldingId: owner.id, status: "PENDING", expiresAt: { gt: now } } });
    if (waiting >= MAX_PENDING_DRIVER_INVITATIONS) throw new AppError("CONFLICT", "driver_invitations_waiting", { params: { max: MAX_PENDING_DRIVER_INVITATIONS } });
    const inv = await tx.driverInvitation.create({
      data: { tokenHash: hash, email, locale: input.locale, ownerHoldingId: owner.id, expiresAt: new Date(now.getTime() + DRIVER_INVITATION_TTL_MS), createdAt: now },
      select: { id: true },
    });
    await audit(tx, input.actor, "driver.invited", {
      entityType: "DriverInvitation",
      entityId: inv.id,
      vehicleId: input.vehicleId,
      subjectUserId: input.actor.userId,
      data: { replaced: replaced.count },
    });
    await enqueueEmail(tx, {
      to: email,
      locale: input.locale,
      template: "driver-invitation",
      payload: { owner: input.actor.name || input.actor.email, car: carLabel(owner.vehicle), url: appLink(input.locale, `/driver-invitations/${token}`) },
    });
    return { invitationId: inv.id, email };
  });
}
