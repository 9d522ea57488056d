/** Builders for the linking integration tests (flows 1, 2, 4 and 5): dealers, owned cars, invitations. */
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/authz";
import { inviteBuyer } from "@/lib/linking/invite-buyer";
import type { VerifyAtDeskInput } from "@/lib/linking/verify-at-desk";
import { actorFor, createMembership, createOrganisation, createUser, makeVin, outboxFor, tokenFromPayload, uid, uniqueEmail } from "./index";

export { expectAppError } from "./errors";

/** A user on staff of a fresh dealer, as an actor. */
export async function dealerStaff(role: "ADMIN" | "MEMBER" = "MEMBER") {
  const org = await createOrganisation("DEALER");
  const user = await createUser();
  await createMembership(user.id, org.id, role);
  return { org, user, actor: await actorFor(user.id) };
}

/** An active account with distinctive names (so tests can look for them in e-mails), as an actor. */
export async function ownerAccount(over: { email?: string; locale?: "nl" | "en" } = {}) {
  const tag = uid();
  const user = await db.user.update({
    where: { id: (await createUser({ email: over.email, locale: over.locale })).id },
    data: { firstName: `Fenna${tag}`, lastName: `Veldkamp${tag}` },
  });
  return { user, actor: await actorFor(user.id) };
}

/** Records a sale through the use case; returns the raw token the invitation e-mail carries. */
export async function invite(
  dealer: { org: { id: string }; actor: Actor },
  over: Partial<{ email: string; vin: string; locale: "nl" | "en"; contracts: { product: "CONNECT" | "CHARGING" | "ROADSIDE" | "WARRANTY_PLUS"; months: number; autoRenew: boolean }[] }> = {},
) {
  const email = over.email ?? uniqueEmail("buyer");
  const vin = over.vin ?? makeVin();
  const { invitationId } = await inviteBuyer({
    actor: dealer.actor,
    organisationId: dealer.org.id,
    vin,
    make: "Porsche",
    model: "Taycan",
    modelYear: 2026,
    fuel: "ELECTRIC",
    plateCountry: "NL",
    email,
    locale: over.locale ?? "en",
    contracts: over.contracts ?? [
      { product: "CONNECT", months: 36, autoRenew: true },
      { product: "ROADSIDE", months: 24, autoRenew: false },
    ],
  });
  const invitation = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
  const mails = (await outboxFor(email)).filter((m) => m.template === "invitation");
  const token = tokenFromPayload(mails[mails.length - 1].payload);
  return { invitationId, invitation, token, email, vin, vehicleId: invitation.vehicleId };
}

/**
 * A car held by an owner, built directly: two ACTIVE contracts (renewing), one already EXPIRED,
 * an authorised driver through the owner, and a service record.
 */
export async function ownedVehicle(opts: { ownerId?: string; linkedByOrganisationId?: string | null } = {}) {
  const owner = opts.ownerId ? await db.user.findUniqueOrThrow({ where: { id: opts.ownerId } }) : (await ownerAccount()).user;
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "Macan", modelYear: 2024, fuel: "ELECTRIC" } });
  const holding = await db.holding.create({
    data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: opts.linkedByOrganisationId ?? null },
  });
  const now = Date.now();
  const contract = (product: string, status: "ACTIVE" | "EXPIRED", autoRenew: boolean) =>
    db.contract.create({
      data: {
        vehicleId: vehicle.id,
        holdingId: holding.id,
        product,
        durationMonths: 12,
        status,
        autoRenew,
        startsAt: new Date(now - 200 * 86_400_000),
        endsAt: new Date(now + (status === "ACTIVE" ? 165 : -1) * 86_400_000),
      },
    });
  const active = [await contract("CONNECT", "ACTIVE", true), await contract("CHARGING", "ACTIVE", true)];
  const expired = await contract("ROADSIDE", "EXPIRED", false);
  const driverUser = await createUser();
  const driver = await db.holding.create({
    data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driverUser.id, origin: "DEALER_VERIFIED", viaHoldingId: holding.id },
  });
  const service = await db.serviceRecord.create({
    data: { vehicleId: vehicle.id, kind: "SERVICE", performedAt: new Date(now - 30 * 86_400_000), mileageKm: 12000, description: "Annual service" },
  });
  return { owner, vehicle, holding, active, expired, driverUser, driver, service };
}

/**
 * A complete desk verification and a fresh VIN; override any field. Given the account (not only
 * its address), the ID document and the registration certificate are in the account's name.
 */
export function deskInput(
  actor: Actor,
  organisationId: string,
  owner: string | { email: string; firstName: string; lastName: string },
  over: Partial<VerifyAtDeskInput> = {},
): VerifyAtDeskInput {
  const nextYear = new Date().getUTCFullYear() + 3;
  const ownerEmail = typeof owner === "string" ? owner : owner.email;
  const name = typeof owner === "string" ? "Fenna Veldkamp" : `${owner.firstName} ${owner.lastName}`;
  return {
    actor,
    organisationId,
    ownerEmail,
    relationship: "OWNER",
    authorisationSeen: false,
    idDocumentType: "DRIVING_LICENCE",
    fullName: name,
    dateOfBirth: new Date("1985-04-12T00:00:00Z"),
    placeOfBirth: "Zwolle",
    address: "Kerkstraat 1, 8011 AA Zwolle",
    documentValidUntil: new Date(`${nextYear}-06-30T00:00:00Z`),
    vin: makeVin(),
    make: "Porsche",
    model: "Cayenne",
    modelYear: 2023,
    fuel: "HYBRID",
    plate: undefined,
    plateCountry: "NL",
    registeredOwnerName: name,
    registeredOwnerAddress: "Kerkstraat 1, 8011 AA Zwolle",
    confirmOwnershipChange: false,
    ...over,
  };
}
