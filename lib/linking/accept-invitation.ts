import { createAccountFromLink, prepareAccountFromLink } from "../accounts/account-from-link";
import type { Tx } from "../server/database";
import { userActor, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { db } from "../server/db";
import { limitLinkFormByAddress } from "../server/form-limits";
import { hashToken } from "../server/tokens";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { startOwnerHolding } from "../holdings/holdings";
import { lockVehicle } from "../holdings/vehicles";
import { isSerializationFailure, isUniqueViolation } from "../server/db-errors";
import { addMonths } from "../server/dates";
import { appLink } from "../server/urls";
import { transaction } from "../server/transaction";
import type { UserLocale } from "../../i18n/routing";

async function pendingInvitation(tx: Tx, token: string) {
  const inv = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      status: true,
      expiresAt: true,
      vehicleId: true,
      organisationId: true,
      createdById: true,
      locale: true,
      vehicle: { select: { make: true, model: true } },
      organisation: { select: { kind: true } },
      // The inviting staff member's roles, for the owner's trail (below).
      createdBy: { select: { memberships: { select: { organisationId: true, role: true } } } },
    },
  });
  if (!inv) {
    // A link that "Send again" replaced: say so, rather than "not valid".
    const old = await tx.supersededInvitationLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { invitationId: true } });
    throw old ? new AppError("GONE", "invitation_superseded") : new AppError("NOT_FOUND", "invitation_invalid");
  }
  if (inv.status === "ACCEPTED") throw new AppError("GONE", "invitation_used");
  if (inv.status === "REVOKED") throw new AppError("GONE", "invitation_revoked");
  if (inv.expiresAt <= new Date()) throw new AppError("GONE", "invitation_expired");
  return inv;
}

/**
 * Makes the user the owner and starts the included contracts; the invitation is spent once. Who
 * holds the car is decided under its lock: a garage stocking it at the same moment either
 * committed first (the car is taken) or finds the new owner.
 */
async function acceptInTx(tx: Tx, inv: Awaited<ReturnType<typeof pendingInvitation>>, user: { id: string; email: string; locale: UserLocale; firstName: string }, actor: Actor | null) {
  await lockVehicle(tx, inv.vehicleId);
  // Single use under concurrency: only one transaction moves it out of PENDING.
  const won = await tx.invitation.updateMany({
    where: { id: inv.id, status: "PENDING" },
    data: { status: "ACCEPTED", acceptedAt: new Date(), acceptedById: user.id },
  });
  if (won.count !== 1) throw new AppError("GONE", "invitation_used");
  const holders = await tx.holding.findMany({ where: { vehicleId: inv.vehicleId, kind: { in: ["OWNER", "STOCK"] }, endedAt: null }, select: { kind: true } });
  // An invitation is no registration certificate: the buyer claims the car with one through a
  // self-registration, which asks the current owner (docs/decisions/0035). Nothing changes here.
  if (holders.some((h) => h.kind === "OWNER")) throw new AppError("CONFLICT", "invitation_car_has_owner");
  if (holders.length) throw new AppError("CONFLICT", "vehicle_taken");
  const acceptedBy = actor ?? userActor(user);
  const holding = await startOwnerHolding(tx, { vehicleId: inv.vehicleId, userId: user.id, origin: "INVITATION", linkedByOrganisationId: inv.organisationId, actor: acceptedBy });
  const contracts = await tx.contract.findMany({ where: { invitationId: inv.id, status: "PENDING" }, select: { id: true, durationMonths: true } });
  const now = new Date();
  for (const c of contracts) {
    await tx.contract.update({
      where: { id: c.id },
      data: { status: "ACTIVE", holdingId: holding.id, startsAt: now, endsAt: addMonths(now, c.durationMonths) },
    });
  }
  // The owner's trail names who linked the car: the inviting organisation and its staff member's role.
  const inviter = inv.createdBy.memberships.find((m) => m.organisationId === inv.organisationId);
  await audit(tx, acceptedBy, "invitation.accepted", {
    organisationId: inv.organisationId,
    entityType: "Holding",
    entityId: holding.id,
    vehicleId: inv.vehicleId,
    subjectUserId: user.id,
    data: {
      invitationId: inv.id,
      linkedBy: inv.organisationId,
      linkedByRole: `${inv.organisation.kind.toLowerCase()}:${(inviter?.role ?? "MEMBER").toLowerCase()}`,
      contractsStarted: contracts.length,
    },
  });
  await enqueueEmail(tx, {
    to: user.email,
    locale: user.locale,
    template: "vehicle-linked",
    payload: { name: user.firstName, car: `${inv.vehicle.make} ${inv.vehicle.model}`, url: appLink(user.locale, `/garage/vehicles/${inv.vehicleId}`) },
  });
  await leaveMessage(tx, { userId: user.id, vehicleId: inv.vehicleId, kind: "vehicle_linked", data: { car: `${inv.vehicle.make} ${inv.vehicle.model}` }, link: `/garage/vehicles/${inv.vehicleId}` });
  return { vehicleId: inv.vehicleId };
}

function mapRace(e: unknown): never {
  if (isUniqueViolation(e) && !(e instanceof AppError)) throw new AppError("CONFLICT", "vehicle_taken");
  // PostgreSQL aborts a concurrent transaction that lost a row lock race with a serialization error.
  if (isSerializationFailure(e)) throw new AppError("GONE", "invitation_used");
  throw e;
}

/** The signed-in buyer accepts; only the invited address may. */
export async function acceptInvitation(input: { actor: Actor; token: string }): Promise<{ vehicleId: string }> {
  try {
    const result = await transaction(async (tx) => {
      const inv = await pendingInvitation(tx, input.token);
      if (inv.email !== input.actor.email) throw new AppError("CONFLICT", "invitation_other_account");
      const user = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { id: true, email: true, locale: true, firstName: true } });
      return acceptInTx(tx, inv, user, input.actor);
    });
    return result;
  } catch (e) {
    return mapRace(e);
  }
}

/** The invited address's account, if any; one that is active or disabled must sign in instead. */
/**
 * A buyer without an account: the account is created active (the link proved the address) and
 * the invitation accepted, in one transaction. Limited per client address and per invited
 * address, and the invitation checked, before the password is hashed.
 */
export async function acceptInvitationWithNewAccount(input: {
  token: string;
  firstName: string;
  lastName: string;
  password: string;
  locale: UserLocale;
  address: string;
}): Promise<{ vehicleId: string; email: string }> {
  await limitLinkFormByAddress(input.address);
  const seen = await pendingInvitation(db, input.token);
  const passwordHash = await prepareAccountFromLink(db, seen.email, input.password, "invitation_sign_in_instead");
  try {
    const result = await transaction(async (tx) => {
      const inv = await pendingInvitation(tx, input.token);
      const user = await createAccountFromLink(tx, { email: inv.email, passwordHash, account: input, now: new Date(), signInInstead: "invitation_sign_in_instead" });
      const r = await acceptInTx(tx, inv, user, null);
      return { ...r, email: user.email };
    });
    return result;
  } catch (e) {
    return mapRace(e);
  }
}
