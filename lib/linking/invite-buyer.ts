import { actingOrganisation, assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { enqueueEmail } from "../server/mail/outbox";
import { newToken } from "../server/tokens";
import { findOrCreateVehicle, type VehicleFieldsT } from "../holdings/vehicles";
import { PRODUCT_CODES, type ProductCode } from "./products";
import { isUniqueViolation } from "../server/db-errors";
import { assertNotInStock } from "../holdings/guards";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import type { UserLocale } from "../../i18n/routing";
import { withdrawActivationLinks } from "../accounts/activation-links";

export const INVITATION_TTL_MS = 30 * 24 * 3600_000;

export interface InviteBuyerInput extends VehicleFieldsT {
  actor: Actor;
  organisationId: string;
  email: string;
  locale: UserLocale;
  contracts: { product: ProductCode; months: number; autoRenew: boolean }[];
}

/**
 * A dealer records the sale of a new car and invites its buyer (flow 1). An invitation proves
 * nothing about the car's plate: a plate that is another car's current plate is refused, Belgian
 * or Dutch (decision 0019). A known VIN keeps its recorded make and model, which the e-mail names.
 */
export async function inviteBuyer(input: InviteBuyerInput): Promise<{ invitationId: string }> {
  assertCan(input.actor, "invitations:manage");
  const dealerId = actingOrganisation(input.actor, input.organisationId, "invitations:manage");
  const { token, hash } = newToken();
  try {
    const result = await transaction(async (tx) => {
      const vehicle = await findOrCreateVehicle(tx, input, {
        certificateChecked: false,
        guard: async (vehicleId) => {
          const owner = await tx.holding.findFirst({ where: { vehicleId, kind: "OWNER", endedAt: null }, select: { id: true } });
          if (owner) throw new AppError("CONFLICT", "vehicle_has_owner_invite", { fieldErrors: { vin: ["vehicle_has_owner_invite"] } });
          await assertNotInStock(tx, vehicleId);
        },
      });
      const pending = await tx.invitation.findFirst({ where: { vehicleId: vehicle.id, status: "PENDING", expiresAt: { gt: new Date() } }, select: { id: true } });
      if (pending) throw new AppError("CONFLICT", "invitation_pending", { fieldErrors: { vin: ["invitation_pending"] } });
      // An expired pending invitation gives way to the new one.
      await tx.invitation.updateMany({ where: { vehicleId: vehicle.id, status: "PENDING" }, data: { status: "REVOKED", revokedAt: new Date() } });
      const dealer = await tx.organisation.findUniqueOrThrow({ where: { id: dealerId }, select: { name: true } });
      const invitation = await tx.invitation.create({
        data: {
          tokenHash: hash,
          email: input.email,
          locale: input.locale,
          vehicleId: vehicle.id,
          organisationId: dealerId,
          createdById: input.actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        },
        select: { id: true },
      });
      for (const c of input.contracts.filter((c) => PRODUCT_CODES.includes(c.product))) {
        await tx.contract.create({
          data: { vehicleId: vehicle.id, invitationId: invitation.id, providerId: dealerId, product: c.product, durationMonths: c.months, autoRenew: c.autoRenew, status: "PENDING" },
        });
      }
      await audit(tx, input.actor, "invitation.created", {
        organisationId: dealerId,
        entityType: "Invitation",
        entityId: invitation.id,
        vehicleId: vehicle.id,
        data: { contracts: input.contracts.length },
      });
      // A link from an earlier sign-up for this address (perhaps somebody else's) no longer activates it: the invitation does.
      await withdrawActivationLinks(tx, { email: input.email });
      await enqueueEmail(tx, {
        to: input.email,
        locale: input.locale,
        template: "invitation",
        payload: { dealer: dealer.name, car: `${vehicle.make} ${vehicle.model}`, url: appLink(input.locale, `/invitations/${token}`) },
      });
      return { invitationId: invitation.id };
    });
    return result;
  } catch (e) {
    // Two sales of one car recorded at once: the database admits one pending invitation.
    if (isUniqueViolation(e) && !(e instanceof AppError)) throw new AppError("CONFLICT", "invitation_pending", { fieldErrors: { vin: ["invitation_pending"] } });
    throw e;
  }
}
