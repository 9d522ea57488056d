import { db } from "../server/db";

/** Staff land in the console, everybody else in their garage. */
export async function landingPathFor(email: string): Promise<"/console" | "/garage"> {
  const user = await db.user.findUnique({ where: { email }, select: { platformRole: true, _count: { select: { memberships: true } } } });
  return user && (user.platformRole !== "NONE" || user._count.memberships > 0) ? "/console" : "/garage";
}
