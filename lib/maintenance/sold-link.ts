/**
 * The "I sold this car" link of a maintenance reminder: it leads the owner it was sent to (signed
 * in) to the removal page of that car, where they confirm; it removes nothing itself. The link is
 * single-purpose (it only finds the car) and lapses after SOLD_LINK_TTL_DAYS, or as soon as the
 * user no longer holds the car as owner: then it reads as not found, like any unknown link.
 */
import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";
import { hashToken } from "../server/tokens";

export const SOLD_LINK_TTL_DAYS = 90;

/** The car the link is for, when the actor may still remove it; null otherwise. */
export async function carForSoldLink(actor: Actor, token: string, now: Date = new Date()): Promise<string | null> {
  assertCan(actor, "garage:use");
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const item = await db.maintenanceDue.findUnique({ where: { soldTokenHash: hashToken(token) }, select: { vehicleId: true, reminderUserId: true, reminderSentAt: true } });
  if (!item || item.reminderUserId !== actor.userId || !item.reminderSentAt) return null;
  if (now.getTime() - item.reminderSentAt.getTime() > SOLD_LINK_TTL_DAYS * 86_400_000) return null;
  const holding = await db.holding.findFirst({ where: { vehicleId: item.vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null }, select: { id: true } });
  return holding ? item.vehicleId : null;
}
