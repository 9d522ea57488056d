import { db } from "../server/db";
import { assertCan, type Actor } from "../server/authz";

/** The `where` that makes a vehicle visible to its current owner or authorised driver only. */
export function vehicleHeldBy(actor: Actor) {
  return { holdings: { some: { userId: actor.userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] as ("OWNER" | "DRIVER")[] } } } };
}

export interface GarageVehicle {
  id: string;
  make: string;
  model: string;
  modelYear: number;
  vin: string;
  plate: string | null;
  plateCountry: "NL" | "BE" | null;
  nickname: string | null;
  relationship: "OWNER" | "DRIVER";
  disconnected: boolean;
  activeContracts: number;
  nextContractEnd: Date | null;
}

/** The owner's garage: the cars they hold now. */
export async function listGarage(actor: Actor): Promise<GarageVehicle[]> {
  assertCan(actor, "garage:use");
  const holdings = await db.holding.findMany({
    where: { userId: actor.userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] } },
    orderBy: { startedAt: "desc" },
    take: 100,
    select: {
      kind: true,
      nickname: true,
      disconnectedAt: true,
      vehicle: {
        select: {
          id: true,
          make: true,
          model: true,
          modelYear: true,
          vin: true,
          plates: { where: { validTo: null }, select: { plate: true, country: true }, take: 1, orderBy: { validFrom: "desc" } },
          contracts: { where: { status: "ACTIVE" }, select: { endsAt: true }, orderBy: { endsAt: "asc" } },
        },
      },
    },
  });
  return holdings.map((h) => ({
    id: h.vehicle.id,
    make: h.vehicle.make,
    model: h.vehicle.model,
    modelYear: h.vehicle.modelYear,
    vin: h.vehicle.vin,
    plate: h.vehicle.plates[0]?.plate ?? null,
    plateCountry: h.vehicle.plates[0]?.country ?? null,
    nickname: h.nickname,
    relationship: h.kind as "OWNER" | "DRIVER",
    disconnected: !!h.disconnectedAt,
    activeContracts: h.vehicle.contracts.length,
    nextContractEnd: h.vehicle.contracts[0]?.endsAt ?? null,
  }));
}
