/**
 * A driver accepts the owner's invitation (docs/decisions/0029): only a signed-in account with the
 * invited address may, once, before it expires, while the owner still holds the car. Accepting
 * makes a DRIVER holding through the owner's holding; the owner gets an inbox message. A driver
 * without an account makes one on the invitation page (the link proved the address), as a buyer
 * does with a dealer's invitation (lib/linking/accept-invitation.ts).
 */
import { createAccountFromLink, prepareAccountFromLink } from "../accounts/account-from-link";
import type { Tx } from "../server/database";
import { userActor, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { db } from "../server/db";
import { hashToken } from "../server/tokens";
import { limitLinkFormByAddress } from "../server/form-limits";
import { isSerializationFailure, isUniqueViolation } from "../server/db-errors";
import { transaction } from "../server/transaction";
import { lockVehicle } from "../holdings/vehicles";
import { leaveMessage } from "../messages/leave";
import type { UserLocale } from "../../i18n/routing";
import { carLabel } from "./common";

type Reader = Pick<Tx, "driverInvitation">;

/** The invitation behind a token, if it can still be accepted; GONE or NOT_FOUND saying why not. */
export async function pendingDriverInvitation(client: Reader, token: string, now = new Date()) {
  const inv = await client.driverInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      status: true,
      expiresAt: true,
      ownerHolding: { select: { id: true, userId: true, endedAt: true, vehicleId: true, vehicle: { select: { make: true, model: true } } } },
    },
  });
  if (!inv) throw new AppError("NOT_FOUND", "driver_invitation_invalid");
  if (inv.status === "ACCEPTED") throw new AppError("GONE", "driver_invitation_used");
  if (inv.status === "REVOKED") throw new AppError("GONE", "driver_invitation_revoked");
  if (inv.status === "LAPSED" || inv.ownerHolding.endedAt) throw new AppError("GONE", "driver_invitation_lapsed");
  if (inv.expiresAt <= now) throw new AppError("GONE", "driver_invitation_expired");
  return inv;
}

type Pending = Awaited<ReturnType<typeof pendingDriverInvitation>>;

async function acceptInTx(tx: Tx, token: string, user: { id: string; email: string; locale: UserLocale; firstName: string; lastName: string }, actor: Actor) {
  const seen = await pendingDriverInvitation(tx, token);
  await lockVehicle(tx, seen.ownerHolding.vehicleId);
  // Read again under the car's lock: a removal at the same moment has either ended it or waits.
  const inv: Pending = await pendingDriverInvitation(tx, token);
  if (inv.email !== user.email.toLowerCase()) throw new AppError("CONFLICT", "driver_invitation_other_account");
  const vehicleId = inv.ownerHolding.vehicleId;
  if (inv.ownerHolding.userId === user.id) throw new AppError("CONFLICT", "already_linked");
  const driving = await tx.holding.count({ where: { vehicleId, kind: "DRIVER", userId: user.id, endedAt: null } });
  if (driving) throw new AppError("CONFLICT", "already_linked");
  const holding = await tx.holding.create({
    data: { vehicleId, kind: "DRIVER", userId: user.id, origin: "INVITATION", viaHoldingId: inv.ownerHolding.id },
    select: { id: true },
  });
  // Single use under concurrency: only one transaction moves it out of PENDING.
  const won = await tx.driverInvitation.updateMany({
    where: { id: inv.id, status: "PENDING" },
    data: { status: "ACCEPTED", acceptedAt: new Date(), driverHoldingId: holding.id },
  });
  if (won.count !== 1) throw new AppError("GONE", "driver_invitation_used");
  await audit(tx, actor, "driver.joined", {
    entityType: "Holding",
    entityId: holding.id,
    vehicleId,
    subjectUserId: user.id,
    data: { invitationId: inv.id, ownerHoldingId: inv.ownerHolding.id },
  });
  if (inv.ownerHolding.userId) {
    await leaveMessage(tx, {
      userId: inv.ownerHolding.userId,
      vehicleId,
      kind: "driver_joined",
      data: { driver: `${user.firstName} ${user.lastName}`.trim() || user.email, car: carLabel(inv.ownerHolding.vehicle) },
      link: `/garage/vehicles/${vehicleId}#drivers`,
    });
  }
  return { vehicleId };
}

function mapRace(e: unknown): never {
  if (e instanceof AppError) throw e;
  if (isSerializationFailure(e) || isUniqueViolation(e)) throw new AppError("GONE", "driver_invitation_used");
  throw e;
}

/** The signed-in driver accepts; only the invited address may. */
export async function acceptDriverInvitation(input: { actor: Actor; token: string }): Promise<{ vehicleId: string }> {
  try {
    return await transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { id: true, email: true, locale: true, firstName: true, lastName: true } });
      return acceptInTx(tx, input.token, user, input.actor);
    });
  } catch (e) {
    return mapRace(e);
  }
}

/** The invited address's account, if any; one that is active or disabled must sign in instead. */
/**
 * A driver without an account: the account is made active (the link proved the address) and the
 * invitation accepted, in one transaction; limited per client and per address before hashing.
 */
export async function acceptDriverInvitationWithNewAccount(input: {
  token: string;
  firstName: string;
  lastName: string;
  password: string;
  locale: UserLocale;
  address: string;
}): Promise<{ vehicleId: string; email: string }> {
  await limitLinkFormByAddress(input.address);
  const seen = await pendingDriverInvitation(db, input.token);
  const passwordHash = await prepareAccountFromLink(db, seen.email, input.password, "invitation_sign_in_instead");
  try {
    return await transaction(async (tx) => {
      const inv = await pendingDriverInvitation(tx, input.token);
      const user = await createAccountFromLink(tx, { email: inv.email, passwordHash, account: input, now: new Date(), signInInstead: "invitation_sign_in_instead" });
      await audit(tx, userActor(user), "account.activated", { entityType: "User", entityId: user.id, subjectUserId: user.id, data: { via: "driver_invitation" } });
      const r = await acceptInTx(tx, input.token, user, userActor(user));
      return { ...r, email: user.email };
    });
  } catch (e) {
    return mapRace(e);
  }
}
