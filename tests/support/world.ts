/**
 * The cast of the proof tests (access matrix, fuzzing): an owner (the victim whose resources the
 * calls target), another owner, the first dealer's and garage's staff (admins), staff (admins) of
 * another dealer and of another garage, central support and a platform admin, each able to sign
 * in with tests/support/request-scope.ts. The first garage's fleet account has a member too.
 */
import { db } from "@/lib/server/db";
import { createMembership, createOrganisation, createUser, uid } from "@/tests/factories";
import { ownerAccount } from "@/tests/factories/linking";
import { garageStaff } from "@/tests/factories/passports";
import { signedIn, type Caller } from "./request-scope";

type User = Awaited<ReturnType<typeof createUser>>;

/** The columns of the access matrix: who calls. */
export const MATRIX_ACTORS = ["owner", "otherOwner", "otherDealer", "otherGarage", "support", "anonymous"] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];
/** Who may legitimately call an action: a matrix column, or the first tenant's staff, or the admin. */
export type Who = MatrixActor | "dealer" | "garage" | "fleet" | "admin";

export interface World {
  users: Record<Exclude<Who, "anonymous">, User>;
  dealer: { id: string; name: string };
  otherDealer: { id: string; name: string };
  garage: { id: string; name: string; fleetId: string };
  otherGarage: { id: string; name: string; fleetId: string };
}

async function dealerAdmin() {
  const org = await createOrganisation("DEALER");
  const user = await createUser();
  await createMembership(user.id, org.id, "ADMIN");
  return { org, user };
}

export async function createWorld(): Promise<World> {
  const owner = (await ownerAccount()).user;
  const otherOwner = (await ownerAccount()).user;
  const [dealer, otherDealer] = [await dealerAdmin(), await dealerAdmin()];
  const [garage, otherGarage] = [await garageStaff(), await garageStaff()];
  // A member of the first garage's fleet account (its fleet manager, decision 0030).
  const fleet = await createUser();
  await createMembership(fleet.id, garage.fleet.id, "MEMBER");
  const support = await createUser({ platformRole: "SUPPORT" });
  const admin = await createUser({ platformRole: "ADMIN" });
  return {
    users: { owner, otherOwner, dealer: dealer.user, otherDealer: otherDealer.user, garage: garage.user, otherGarage: otherGarage.user, fleet, support, admin },
    dealer: { id: dealer.org.id, name: dealer.org.name },
    otherDealer: { id: otherDealer.org.id, name: otherDealer.org.name },
    garage: { id: garage.garage.id, name: garage.garage.name, fleetId: garage.fleet.id },
    otherGarage: { id: otherGarage.garage.id, name: otherGarage.garage.name, fleetId: otherGarage.fleet.id },
  };
}

/** A fresh signed-in caller for `who` (a new session row each time), or a signed-out one. */
export async function callerFor(world: World, who: Who): Promise<Caller> {
  const address = `proof-${uid()}`;
  if (who === "anonymous") return { address };
  return signedIn(world.users[who].id, { address });
}

/** The user behind `who`, re-read (a call may have changed it). */
export function userOf(world: World, who: Exclude<Who, "anonymous">) {
  return db.user.findUniqueOrThrow({ where: { id: world.users[who].id } });
}
