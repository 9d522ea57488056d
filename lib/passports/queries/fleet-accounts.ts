import { db } from "../../server/db";
import type { Actor } from "../../server/authz";
import { staffGarages } from "../common";

/** The fleet accounts of the actor's garages, for linking a passport. */
export async function fleetAccountsFor(actor: Actor) {
  const garages = staffGarages(actor);
  return db.organisation.findMany({ where: { kind: "FLEET", parentId: { in: garages } }, select: { id: true, name: true, parentId: true }, orderBy: { name: "asc" }, take: 100 });
}
