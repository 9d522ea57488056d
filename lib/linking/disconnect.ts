import { db } from "../server/db";
import { assertCan, organisationsWith, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { transaction } from "../server/transaction";
import { appLink } from "../server/urls";

/** A holding the actor's dealer linked (the tenant comes from the holding), or NOT_FOUND. */
async function dealerHolding(actor: Actor, holdingId: string) {
  assertCan(actor, "vehicles:link");
  const h = await db.holding.findFirst({
    where: { id: holdingId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] }, linkedByOrganisationId: { in: organisationsWith(actor, "vehicles:link") } },
    select: {
      id: true,
      vehicleId: true,
      userId: true,
      disconnectedAt: true,
      linkedByOrganisationId: true,
      vehicle: { select: { make: true, model: true } },
      user: { select: { email: true, locale: true, firstName: true } },
    },
  });
  if (!h) throw new AppError("NOT_FOUND");
  return h;
}

/**
 * Marks a link as disconnected (e.g. after a workshop visit elsewhere); the owner sees it greyed
 * out and is told by e-mail, in the same transaction, as with every other change to their car.
 */
export async function disconnectHolding(input: { actor: Actor; holdingId: string }): Promise<void> {
  const h = await dealerHolding(input.actor, input.holdingId);
  if (h.disconnectedAt) throw new AppError("CONFLICT", "already_disconnected");
  await transaction(async (tx) => {
    // Only a link still running and connected: a double click or a removal in between changes nothing.
    const updated = await tx.holding.updateMany({ where: { id: h.id, endedAt: null, disconnectedAt: null }, data: { disconnectedAt: new Date() } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "already_disconnected");
    await audit(tx, input.actor, "vehicle.disconnected", { organisationId: h.linkedByOrganisationId, entityType: "Holding", entityId: h.id, vehicleId: h.vehicleId, subjectUserId: h.userId });
    // The dealer that linked the car (the holding's tenant, which the actor acts for).
    const dealer = await tx.organisation.findUniqueOrThrow({ where: { id: h.linkedByOrganisationId! }, select: { name: true } });
    await enqueueEmail(tx, {
      to: h.user!.email,
      locale: h.user!.locale,
      template: "vehicle-disconnected",
      payload: {
        name: h.user!.firstName,
        car: `${h.vehicle.make} ${h.vehicle.model}`,
        dealer: dealer.name,
        url: appLink(h.user!.locale, `/garage/vehicles/${h.vehicleId}`),
      },
    });
    await leaveMessage(tx, { userId: h.userId!, vehicleId: h.vehicleId, kind: "vehicle_disconnected", data: { car: `${h.vehicle.make} ${h.vehicle.model}`, dealer: dealer.name }, link: `/garage/vehicles/${h.vehicleId}` });
  });
}

/** Re-links a disconnected car to the same owner after staff checked their identity (and say so). */
export async function relinkHolding(input: { actor: Actor; holdingId: string; identityChecked: boolean }): Promise<void> {
  const h = await dealerHolding(input.actor, input.holdingId);
  if (input.identityChecked !== true) throw new AppError("VALIDATION", "confirm_required", { fieldErrors: { identityChecked: ["confirm_required"] } });
  if (!h.disconnectedAt) throw new AppError("CONFLICT", "not_disconnected");
  await transaction(async (tx) => {
    const updated = await tx.holding.updateMany({ where: { id: h.id, endedAt: null, NOT: { disconnectedAt: null } }, data: { disconnectedAt: null } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "not_disconnected");
    await audit(tx, input.actor, "vehicle.relinked", { organisationId: h.linkedByOrganisationId, entityType: "Holding", entityId: h.id, vehicleId: h.vehicleId, subjectUserId: h.userId, data: { identityChecked: true } });
    await enqueueEmail(tx, { to: h.user!.email, locale: h.user!.locale, template: "vehicle-relinked", payload: { name: h.user!.firstName, car: `${h.vehicle.make} ${h.vehicle.model}` } });
    await leaveMessage(tx, { userId: h.userId!, vehicleId: h.vehicleId, kind: "vehicle_relinked", data: { car: `${h.vehicle.make} ${h.vehicle.model}` }, link: `/garage/vehicles/${h.vehicleId}` });
  });
}
