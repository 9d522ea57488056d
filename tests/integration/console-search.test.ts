import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { listDealerVehicles } from "@/lib/linking/queries";
import { uid } from "../factories";
import { dealerStaff, deskInput, ownerAccount } from "../factories/linking";

/** A car a dealer linked to an owner at the desk, with a current and an earlier plate (stored form). */
async function linkedCar(dealer?: Awaited<ReturnType<typeof dealerStaff>>, owner?: Awaited<ReturnType<typeof ownerAccount>>) {
  dealer ??= await dealerStaff();
  owner ??= await ownerAccount();
  const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user));
  const vin = (await db.vehicle.findUniqueOrThrow({ where: { id: r.vehicleId } })).vin;
  const plate = `Q${uid().toUpperCase()}`;
  const oldPlate = `Z${uid().toUpperCase()}`;
  await db.licencePlate.create({ data: { vehicleId: r.vehicleId, country: "NL", plate } });
  await db.licencePlate.create({ data: { vehicleId: r.vehicleId, country: "NL", plate: oldPlate, validFrom: new Date("2020-01-01"), validTo: new Date("2024-01-01") } });
  return { dealer, owner, vin, plate, oldPlate, ...r };
}

const ids = async (actor: Parameters<typeof listDealerVehicles>[0], q: string) => (await listDealerVehicles(actor, q)).map((h) => h.id);

describe("listDealerVehicles search (Console → Vehicles)", () => {
  it("finds the dealer's car by its VIN (complete, its start, its end), by plate (as typed, or its start) and by the owner's e-mail", async () => {
    const car = await linkedCar();
    const { actor } = car.dealer;
    const dashed = `${car.plate.slice(0, 3)}-${car.plate.slice(3, 6)}-${car.plate.slice(6)}`.toLowerCase();
    for (const q of [car.vin, car.vin.toLowerCase(), car.vin.slice(0, 12), ` ${car.vin.slice(-6).toLowerCase()} `, car.plate, dashed, car.plate.slice(0, 5), car.oldPlate, car.owner.user.email, car.owner.user.email.toUpperCase()]) {
      expect(await ids(actor, q), q).toEqual([car.holdingId]);
    }
    const [row] = await listDealerVehicles(actor, car.plate);
    // The shape the page reads: the link, the owner, the car and its current plate.
    expect(row).toMatchObject({ id: car.holdingId, kind: "OWNER", disconnectedAt: null, user: { email: car.owner.user.email }, vehicle: { id: car.vehicleId, vin: car.vin, plates: [{ plate: car.plate, country: "NL" }] } });
  });

  it("does not match the middle of a VIN or plate, part of an e-mail, or LIKE wildcards typed in", async () => {
    const car = await linkedCar();
    const { actor } = car.dealer;
    for (const q of [car.vin.slice(3, 12), car.plate.slice(2, 6), car.owner.user.email.slice(0, -3), car.owner.user.email.split("@")[0]!, "%", "_", car.vin.slice(0, 5) + "_" + car.vin.slice(6), "ZZZZZZ"]) {
      expect(await ids(actor, q), q).not.toContain(car.holdingId);
    }
  });

  it("another dealer finds none of it by VIN, plate or e-mail; an owner with cars at two dealers is found at each only with that dealer's car", async () => {
    const owner = await ownerAccount();
    const a = await linkedCar(undefined, owner);
    const b = await linkedCar(undefined, owner);
    for (const q of [a.vin, a.vin.slice(-6), a.plate, a.oldPlate]) {
      expect(await ids(b.dealer.actor, q), q).toEqual([]);
      expect(await ids(a.dealer.actor, q), q).toEqual([a.holdingId]);
    }
    expect(await ids(a.dealer.actor, owner.user.email)).toEqual([a.holdingId]);
    expect(await ids(b.dealer.actor, owner.user.email)).toEqual([b.holdingId]);
    // Staff of a third dealer, and the owner, find nothing at all.
    const c = await dealerStaff("ADMIN");
    for (const q of [a.vin, b.plate, owner.user.email]) expect(await ids(c.actor, q), q).toEqual([]);
  });

  it("a car whose link ended is not found; two of the dealer's cars with the same VIN start come newest first", async () => {
    const dealer = await dealerStaff();
    const first = await linkedCar(dealer);
    const second = await linkedCar(dealer);
    await db.holding.update({ where: { id: first.holdingId }, data: { startedAt: new Date(Date.now() - 60_000) } });
    expect((await ids(dealer.actor, "WP0ZZZ")).filter((id) => id === first.holdingId || id === second.holdingId)).toEqual([second.holdingId, first.holdingId]);
    await db.holding.update({ where: { id: first.holdingId }, data: { endedAt: new Date(), endReason: "REMOVED" } });
    expect(await ids(dealer.actor, first.vin)).toEqual([]);
    expect(await ids(dealer.actor, first.owner.user.email)).toEqual([]);
  });
});
