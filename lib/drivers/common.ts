/**
 * What the owner-invited drivers' use cases share (docs/decisions/0029): the invitation's
 * lifetime, the owner's holding as the actor must hold it, and the notice a driver gets when
 * their access ends (an e-mail and an inbox message, in the caller's transaction).
 */
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { enqueueEmail } from "../server/mail/outbox";
import { leaveMessage } from "../messages/leave";
import { appLink } from "../server/urls";
import { HOUR } from "../server/tokens";

/** A driver invitation's link lives 14 days. */
export const DRIVER_INVITATION_TTL_MS = 14 * 24 * HOUR;
/** Invitations an owner may have waiting per car. */
export const MAX_PENDING_DRIVER_INVITATIONS = 10;
/** Driver invitations an owner may send per hour (each is an e-mail to an address they typed). */
export const DRIVER_INVITE_LIMIT = { max: 20, windowMs: 3600_000 };

/** How a car is called in e-mails and messages: make and model (never the owner's own name for it). */
export function carLabel(v: { make: string; model: string }): string {
  return `${v.make} ${v.model}`;
}

/** The actor's active, connected owner holding of the car; NOT_FOUND for anyone else (a driver too). */
export async function ownHolding(tx: Pick<Tx, "holding">, actor: Actor, vehicleId: string) {
  const h = await tx.holding.findFirst({
    where: { vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null },
    select: { id: true, vehicleId: true, vehicle: { select: { make: true, model: true } } },
  });
  if (!h) throw new AppError("NOT_FOUND");
  return h;
}

export type DriverAccessEndReason = "revoked" | "left" | "removed" | "ownership_changed";

/** Tells a driver their access to the car ended: an e-mail and an inbox message, unless they left themselves. */
export async function noticeDriverAccessEnded(
  tx: Tx,
  driver: { userId: string | null; user: { email: string; locale: Actor["locale"]; firstName: string } | null },
  car: { id: string; make: string; model: string },
  reason: DriverAccessEndReason,
): Promise<void> {
  if (!driver.userId || !driver.user || reason === "left") return;
  await enqueueEmail(tx, {
    to: driver.user.email,
    locale: driver.user.locale,
    template: "driver-access-ended",
    payload: { name: driver.user.firstName, car: carLabel(car), reason, url: appLink(driver.user.locale, "/garage") },
  });
  await leaveMessage(tx, { userId: driver.userId, vehicleId: null, kind: "driver_access_ended", data: { car: carLabel(car), reason }, link: "/garage" });
}
