import { db } from "../server/db";
import { assertCan, organisationsWith, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { newToken } from "../server/tokens";
import { INVITATION_TTL_MS } from "./invite-buyer";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";

/** An invitation of one of the actor's dealers, or NOT_FOUND (the tenant comes from the row). */
async function findOwn(actor: Actor, invitationId: string) {
  assertCan(actor, "invitations:manage");
  const inv = await db.invitation.findFirst({
    where: { id: invitationId, organisationId: { in: organisationsWith(actor, "invitations:manage") } },
    select: { id: true, status: true, email: true, locale: true, organisationId: true, vehicleId: true, organisation: { select: { name: true } }, vehicle: { select: { make: true, model: true } } },
  });
  if (!inv) throw new AppError("NOT_FOUND");
  return inv;
}

/**
 * Sends the invitation again with a new link and a fresh 30 days. The old link stops working; its
 * hash is kept so that following it says a newer link was sent (getInvitationByToken).
 */
export async function resendInvitation(input: { actor: Actor; invitationId: string }): Promise<void> {
  const inv = await findOwn(input.actor, input.invitationId);
  if (inv.status !== "PENDING") throw new AppError("CONFLICT", "invitation_not_pending");
  const { token, hash } = newToken();
  await transaction(async (tx) => {
    const owner = await tx.holding.findFirst({ where: { vehicleId: inv.vehicleId, kind: "OWNER", endedAt: null }, select: { id: true } });
    if (owner) throw new AppError("CONFLICT", "vehicle_has_owner_invite");
    const current = await tx.invitation.findUniqueOrThrow({ where: { id: inv.id }, select: { tokenHash: true } });
    const updated = await tx.invitation.updateMany({
      // The link recorded as replaced is the one this update replaces, also with two resends at once.
      where: { id: inv.id, status: "PENDING", tokenHash: current.tokenHash },
      data: { tokenHash: hash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS), sentCount: { increment: 1 }, lastSentAt: new Date() },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "invitation_not_pending");
    await tx.supersededInvitationLink.create({ data: { tokenHash: current.tokenHash, invitationId: inv.id } });
    await audit(tx, input.actor, "invitation.resent", { organisationId: inv.organisationId, entityType: "Invitation", entityId: inv.id, vehicleId: inv.vehicleId });
    await enqueueEmail(tx, {
      to: inv.email,
      locale: inv.locale,
      template: "invitation",
      payload: { dealer: inv.organisation.name, car: `${inv.vehicle.make} ${inv.vehicle.model}`, url: appLink(inv.locale, `/invitations/${token}`) },
    });
  });
}

/** Revokes a pending invitation; its included contracts will not start. */
export async function revokeInvitation(input: { actor: Actor; invitationId: string }): Promise<void> {
  const inv = await findOwn(input.actor, input.invitationId);
  await transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({ where: { id: inv.id, status: "PENDING" }, data: { status: "REVOKED", revokedAt: new Date() } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "invitation_not_pending");
    await tx.contract.updateMany({
      where: { invitationId: inv.id, status: "PENDING" },
      data: { status: "CANCELLED", cancelledAt: new Date(), cancellationReason: "invitation_revoked", autoRenew: false },
    });
    await audit(tx, input.actor, "invitation.revoked", { organisationId: inv.organisationId, entityType: "Invitation", entityId: inv.id, vehicleId: inv.vehicleId });
  });
}
