/**
 * Deleting an account (issue 14 point 4, docs/decisions/0031), all or nothing after the password
 * is typed again:
 * - every car is removed as in flow 4 (lib/linking/remove-vehicle.ts: contracts cancelled,
 *   drivers ended, the car-removed e-mail); access as an authorised driver ends too;
 * - pending invitations and transfers to the address end (their contracts do not start);
 *   verification requests still open are withdrawn (the purge job deletes their copies);
 * - sessions, links, consents, inbox messages, appointments and memberships are deleted; the
 *   photos of the user's cars (file and row); driver invitations to the address end, blanked;
 *   attachment file names the user gave become neutral;
 * - the user row stays as a pseudonym (its id, which the audit and the car's history refer to):
 *   every personal column is blanked and the login becomes `erased-<id>@erased.invalid`, so the
 *   old address can sign up afresh; the address and name are blanked wherever else they were
 *   copied (invitations, transfers, a garage's contact of the car, rate-limit counters, outbox);
 * - the user's unsettled claims on other owners' cars are withdrawn (docs/decisions/0035);
 * - what decision 0031 keeps stays: the verified facts (until 5 years after the holding they
 *   prove ended) and the closing e-mails until they are sent (the retention job then blanks them).
 * A staff member who is the only administrator of an organisation is refused: hand over first.
 */
import { assertCan, type Actor } from "../server/authz";
import { audit } from "../server/audit";
import { db } from "../server/db";
import type { Tx } from "../server/database";
import { AppError } from "../server/errors";
import { enqueueEmail } from "../server/mail/outbox";
import { verifyPassword } from "../server/password";
import { transaction } from "../server/transaction";
import { removeHeldVehicle } from "../linking/remove-vehicle";
import { getPhotoStorage } from "../car-face/storage";
import { log } from "../server/log";
import { withdrawClaims } from "../disputes/withdraw-claims";

/** The login an erased account keeps: unique, not deliverable (.invalid, RFC 2606), no personal data. */
export function erasedEmail(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}

async function assertNotLastAdmin(tx: Tx, userId: string): Promise<void> {
  const adminOf = await tx.membership.findMany({ where: { userId, role: "ADMIN" }, select: { organisationId: true, organisation: { select: { name: true } } } });
  for (const m of adminOf) {
    // The organisation's row lock, as every change that can take an administrator away takes it
    // (lib/organisations/last-admin.ts): two administrators leaving at once leave one behind.
    await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${m.organisationId} FOR UPDATE`;
    const others = await tx.membership.count({ where: { organisationId: m.organisationId, role: "ADMIN", userId: { not: userId } } });
    if (others === 0) throw new AppError("CONFLICT", "hand_over_first", { params: { organisation: m.organisation.name } });
  }
}

export async function eraseAccount(input: { actor: Actor; password: string; understood: boolean }): Promise<{ cars: number }> {
  assertCan(input.actor, "account:manage");
  if (input.understood !== true) throw new AppError("VALIDATION", "confirm_required", { fieldErrors: { understood: ["confirm_required"] } });
  const found = await db.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.password, found.passwordHash))) {
    throw new AppError("VALIDATION", "current_password_wrong", { fieldErrors: { password: ["current_password_wrong"] } });
  }
  const userId = input.actor.userId;
  const done = await transaction(async (tx) => {
    const now = new Date();
    await assertNotLastAdmin(tx, userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true, erasedAt: true } });
    if (user.erasedAt) throw new AppError("NOT_FOUND");
    const address = user.email;

    // Cars: flow 4 for each car owned; access as a driver ends.
    const owned = await tx.holding.findMany({ where: { userId, kind: "OWNER", endedAt: null }, select: { vehicleId: true } });
    for (const h of owned) await removeHeldVehicle(tx, input.actor, h.vehicleId);
    const driving = await tx.holding.findMany({ where: { userId, kind: "DRIVER", endedAt: null }, select: { id: true, vehicleId: true } });
    for (const d of driving) {
      await tx.holding.update({ where: { id: d.id }, data: { endedAt: now, endReason: "DRIVER_ACCESS_ENDED" } });
      await audit(tx, input.actor, "vehicle.driver_access_ended", { entityType: "Holding", entityId: d.id, vehicleId: d.vehicleId, subjectUserId: userId, data: { reason: "ACCOUNT_ERASED" } });
    }
    await tx.holding.updateMany({ where: { userId, nickname: { not: null } }, data: { nickname: null } });

    // Pending invitations and transfers to the address end; the address is blanked on every one.
    const pendingInvitations = await tx.invitation.findMany({ where: { email: address, status: "PENDING" }, select: { id: true } });
    const invIds = pendingInvitations.map((i) => i.id);
    if (invIds.length) {
      await tx.invitation.updateMany({ where: { id: { in: invIds } }, data: { status: "REVOKED", revokedAt: now } });
      await tx.contract.updateMany({ where: { invitationId: { in: invIds }, status: "PENDING" }, data: { status: "CANCELLED", cancelledAt: now, cancellationReason: "account_erased", autoRenew: false } });
    }
    await tx.invitation.updateMany({ where: { OR: [{ email: address }, { acceptedById: userId }] }, data: { email: erasedEmail(userId) } });
    await tx.passportTransfer.updateMany({ where: { OR: [{ email: address }, { toUserId: userId }], status: "PENDING" }, data: { status: "CANCELLED", decidedAt: now } });
    await tx.passportTransfer.updateMany({
      where: { OR: [{ email: address }, { toUserId: userId }] },
      data: { email: erasedEmail(userId), name: "", street: null, postalCode: null, city: null },
    });
    await tx.passport.updateMany({
      where: { contactEmail: address },
      data: { contactName: null, contactStreet: null, contactPostalCode: null, contactCity: null, contactEmail: null },
    });

    // Driver invitations to the address (or that became the user's driver access) end, and the
    // address is blanked on every one; those the user sent as owner lapsed with the holdings above.
    await tx.driverInvitation.updateMany({
      where: { OR: [{ email: address }, { driverHolding: { is: { userId } } }], status: "PENDING" },
      data: { status: "LAPSED", endedAt: now },
    });
    await tx.driverInvitation.updateMany({ where: { OR: [{ email: address }, { driverHolding: { is: { userId } } }] }, data: { email: erasedEmail(userId) } });

    // Handovers addressed to the user (docs/decisions/0034), also one offered to their inbox at an
    // address they have since changed: a pending one is declined (the seller's lapsed with the
    // cars above), and the buyer's name and address leave every one.
    const addressedToUser = { OR: [{ buyerEmail: address }, { buyerId: userId }, { offeredToId: userId }] };
    await tx.handover.updateMany({ where: { ...addressedToUser, status: "PENDING" }, data: { status: "DECLINED", decidedAt: now } });
    await tx.handover.updateMany({ where: addressedToUser, data: { buyerEmail: erasedEmail(userId), buyerName: "" } });

    // Service attachments stay with the car's history (the entries are append-only), but a file
    // name the user gave may hold their name: it becomes a neutral one, the extension kept.
    const attachments = await tx.serviceAttachment.findMany({ where: { OR: [{ holderId: userId }, { uploadedById: userId }] }, select: { id: true, originalName: true } });
    for (const a of attachments) {
      const ext = /\.[A-Za-z0-9]{1,8}$/.exec(a.originalName)?.[0] ?? "";
      await tx.serviceAttachment.update({ where: { id: a.id }, data: { originalName: `attachment${ext.toLowerCase()}` } });
    }
    // The buyer report links the user made stop working (their holdings ended above already).
    await tx.reportLink.updateMany({ where: { ownerHolding: { is: { userId } }, revokedAt: null }, data: { revokedAt: now } });
    // A maintenance reminder's "I sold this car" link to the user no longer works.
    await tx.maintenanceDue.updateMany({ where: { reminderUserId: userId, soldTokenHash: { not: null } }, data: { soldTokenHash: null } });
    // The photos of the user's cars: the rows and files go after the commit (below).
    const photos = await tx.carPhoto.findMany({ where: { holding: { is: { userId } } }, select: { holdingId: true, storageKey: true } });

    // Verification: open requests are withdrawn (their copies go with the purge job); notes blanked.
    await tx.verificationRequest.updateMany({ where: { requesterId: userId, status: { in: ["SUBMITTED", "IN_REVIEW"] } }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    await tx.verificationRequest.updateMany({ where: { requesterId: userId }, data: { rejectionNote: null } });

    // Claims on cars (docs/decisions/0035): the user's own claims still unsettled are withdrawn
    // (the holder is told; the copies go with the purge and dispute jobs); as holder, a dispute
    // on a car removed above went to its claimant with the removal; their note is blanked.
    await withdrawClaims(tx, userId, now);
    await tx.dispute.updateMany({ where: { holderId: userId }, data: { contestNote: null } });

    // Addresses of e-mail changes asked for: their e-mails carry the owner's name too.
    const changeAddresses = (await tx.authToken.findMany({ where: { userId, newEmail: { not: null } }, select: { newEmail: true } })).map((t) => t.newEmail!);

    // What belongs to the account alone.
    await tx.authSession.deleteMany({ where: { userId } });
    await tx.authToken.deleteMany({ where: { userId } });
    await tx.consent.deleteMany({ where: { userId } });
    await tx.message.deleteMany({ where: { userId } });
    await tx.appointment.deleteMany({ where: { userId } });
    await tx.membership.deleteMany({ where: { userId } });
    await tx.rateLimitBucket.deleteMany({ where: { OR: [{ key: { endsWith: `:${address}` } }, { key: { contains: `:${address}:` } }] } });

    await audit(tx, input.actor, "account.erased", { entityType: "User", entityId: userId, subjectUserId: userId, data: { cars: owned.length, driverAccessEnded: driving.length } });
    await enqueueEmail(tx, { to: address, locale: user.locale, template: "account-erased", payload: { name: user.firstName, cars: owned.length } });

    // The outbox: what went out is blanked now; what is still to go (the closing e-mails above)
    // keeps its address until sent, and the retention job blanks it after.
    const mailTo = { in: [address, ...changeAddresses] };
    await tx.outboxEmail.updateMany({ where: { to: mailTo, status: { in: ["SENT", "FAILED"] } }, data: { to: "", payload: {} } });
    // An e-mail change link not yet sent will not be: the account it names is gone.
    await tx.outboxEmail.updateMany({ where: { to: { in: changeAddresses }, template: "email-change-confirm", status: "PENDING" }, data: { status: "FAILED", lastError: "account erased", to: "", payload: {} } });
    await tx.outboxEmail.updateMany({ where: { to: mailTo }, data: { redactAfter: now } });

    await tx.user.update({
      where: { id: userId },
      data: {
        email: erasedEmail(userId),
        passwordHash: null,
        status: "DISABLED",
        platformRole: "NONE",
        firstName: "",
        lastName: "",
        title: null,
        company: null,
        dateOfBirth: null,
        street: null,
        postalCode: null,
        city: null,
        country: null,
        mobile: null,
        phone: null,
        extraPhones: [],
        interests: [],
        preferredChannels: [],
        emailVerifiedAt: null,
        lastSignInAt: null,
        erasedAt: now,
      },
    });
    return { cars: owned.length, photos };
  });
  // The car photos: file first, then the row (as the daily purge job does, lib/car-face/photo.ts);
  // the holdings have ended, so a file that cannot be deleted now is retried by that job.
  for (const p of done.photos) {
    try {
      await getPhotoStorage().delete(p.storageKey);
      await db.carPhoto.deleteMany({ where: { holdingId: p.holdingId, storageKey: p.storageKey } });
    } catch (e) {
      log.warn({ err: e }, "erasure: could not delete a car photo; the purge job retries");
    }
  }
  return { cars: done.cars };
}
