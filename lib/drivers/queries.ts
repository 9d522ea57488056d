/**
 * Reads for the owner-invited drivers' pages (docs/decisions/0029), scoped to the actor.
 */
import { db } from "../server/db";
import type { Actor } from "../server/authz";
import { isAppError } from "../server/errors";
import { ownerHoldingOf } from "../holdings/viewer";
import { pendingDriverInvitation } from "./accept-driver-invitation";

export interface DriversPanel {
  drivers: { id: string; name: string; email: string; since: Date; invited: boolean }[];
  invitations: { id: string; email: string; expiresAt: Date; createdAt: Date }[];
}

/** The owner's drivers of the car and their waiting invitations; null for anyone but its owner. */
export async function getDriversPanel(actor: Actor, vehicleId: string, now = new Date()): Promise<DriversPanel | null> {
  const owner = await ownerHoldingOf(actor, vehicleId);
  if (!owner) return null;
  const [drivers, invitations] = await Promise.all([
    db.holding.findMany({
      where: { viaHoldingId: owner.id, kind: "DRIVER", endedAt: null },
      orderBy: { startedAt: "asc" },
      select: { id: true, startedAt: true, origin: true, user: { select: { firstName: true, lastName: true, email: true } } },
    }),
    db.driverInvitation.findMany({
      where: { ownerHoldingId: owner.id, status: "PENDING", expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return {
    drivers: drivers.map((d) => ({
      id: d.id,
      name: `${d.user?.firstName ?? ""} ${d.user?.lastName ?? ""}`.trim() || (d.user?.email ?? ""),
      email: d.user?.email ?? "",
      since: d.startedAt,
      invited: d.origin === "INVITATION",
    })),
    invitations,
  };
}

export type DriverInvitationState = "sent" | "used" | "revoked" | "lapsed" | "expired" | "invalid";

/** What the invitation page shows: the car, who invited, for which address, and whether it still works. */
export async function getDriverInvitationByToken(token: string): Promise<{ state: DriverInvitationState; email?: string; owner?: string; car?: string }> {
  try {
    const inv = await pendingDriverInvitation(db, token);
    const owner = inv.ownerHolding.userId ? await db.user.findUnique({ where: { id: inv.ownerHolding.userId }, select: { firstName: true, lastName: true } }) : null;
    return {
      state: "sent",
      email: inv.email,
      owner: owner ? `${owner.firstName} ${owner.lastName}`.trim() : "",
      car: `${inv.ownerHolding.vehicle.make} ${inv.ownerHolding.vehicle.model}`,
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    const key = String(e.messageKey);
    const state = (["used", "revoked", "lapsed", "expired"] as const).find((s) => key === `driver_invitation_${s}`);
    // A spent link still says so, but names nothing: the car may have another owner by now.
    return { state: state ?? "invalid" };
  }
}
