/**
 * What the buyer report's use cases share (docs/decisions/0036): the owner's holding as the
 * actor must hold it, and the limits on links.
 */
import type { Tx } from "../server/database";
import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";

/** Live links an owner may have per car (each is a way into the car's history). */
export const MAX_LIVE_REPORT_LINKS = 10;
/** Links an owner may make per hour. */
export const REPORT_LINK_LIMIT = { max: 30, windowMs: 3600_000 };
/** The path of a report in the portal (after the language). */
export const reportPath = (token: string): `/${string}` => `/report/${token}`;

/**
 * The actor's active owner holding of the car; NOT_FOUND for anyone else (another owner, a
 * driver, a previous owner, staff): a car the actor may not make links for reads as missing.
 */
export async function ownerHolding(client: Pick<Tx, "holding">, actor: Actor, vehicleId: string) {
  const h = await client.holding.findFirst({ where: { vehicleId, userId: actor.userId, kind: "OWNER", endedAt: null }, select: { id: true, vehicleId: true } });
  if (!h) throw new AppError("NOT_FOUND");
  return h;
}
