import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createOrganisation, createUser, createVehicle } from "../factories";

describe("one active owner per vehicle (database constraint)", () => {
  it("admits exactly one of 20 concurrent owner holdings", async () => {
    const vehicle = await createVehicle();
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser()));
    const results = await Promise.allSettled(
      users.map((u) => db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: u.id, origin: "INVITATION" } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(19);
    expect(await db.holding.count({ where: { vehicleId: vehicle.id, kind: "OWNER", endedAt: null } })).toBe(1);
  });

  it("admits a new owner once the previous holding has ended, and any number of drivers", async () => {
    const vehicle = await createVehicle();
    const [a, b, c] = await Promise.all([createUser(), createUser(), createUser()]);
    const first = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: a.id, origin: "INVITATION" } });
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: c.id, origin: "DEALER_VERIFIED", viaHoldingId: first.id } });
    await expect(db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: b.id, origin: "INVITATION" } })).rejects.toThrow();
    // The owner's holding ends once the driver through it has lost access (as endOwnerHolding does it).
    await db.holding.updateMany({ where: { viaHoldingId: first.id }, data: { endedAt: new Date(), endReason: "DRIVER_ACCESS_ENDED" } });
    await db.holding.update({ where: { id: first.id }, data: { endedAt: new Date(), endReason: "REMOVED" } });
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: c.id, origin: "DEALER_VERIFIED" } });
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: b.id, origin: "INVITATION" } });
    expect(await db.holding.count({ where: { vehicleId: vehicle.id, endedAt: null } })).toBe(2);
  });

  it("refuses a holding without its holder and an audit row being changed", async () => {
    const vehicle = await createVehicle();
    await expect(db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", origin: "INVITATION" } })).rejects.toThrow();
    const row = await db.auditLog.create({ data: { actorRole: "system", action: "test", entityType: "Vehicle", entityId: vehicle.id } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { id: row.id } })).toBe(1);
  });
});

describe("who holds a vehicle stays consistent (database constraint)", () => {
  it("refuses a stock holding beside an active owner, an owner beside a stock holding, and a second stock holding", async () => {
    const vehicle = await createVehicle();
    const [owner, buyer] = await Promise.all([createUser(), createUser()]);
    const [garage, other] = await Promise.all([createOrganisation("GARAGE"), createOrganisation("GARAGE")]);
    const owned = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.id, origin: "INVITATION" } });
    await expect(db.holding.create({ data: { vehicleId: vehicle.id, kind: "STOCK", organisationId: garage.id, origin: "STOCK" } })).rejects.toThrow(/in stock has no owner/);
    await db.holding.update({ where: { id: owned.id }, data: { endedAt: new Date(), endReason: "REMOVED" } });
    const stock = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "STOCK", organisationId: garage.id, origin: "STOCK" } });
    await expect(db.holding.create({ data: { vehicleId: vehicle.id, kind: "STOCK", organisationId: other.id, origin: "STOCK" } })).rejects.toThrow(/one stock at a time/);
    await expect(db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: buyer.id, origin: "TRANSFER" } })).rejects.toThrow(/in stock has no owner/);
    // Handed over: the stock holding ends, then the buyer's starts.
    await db.holding.update({ where: { id: stock.id }, data: { endedAt: new Date(), endReason: "TRANSFERRED" } });
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: buyer.id, origin: "TRANSFER" } });
    expect((await db.holding.findMany({ where: { vehicleId: vehicle.id, endedAt: null } })).map((h) => h.kind)).toEqual(["OWNER"]);
  });

  it("admits exactly one of 20 concurrent owner and stock holdings", async () => {
    const vehicle = await createVehicle();
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const garages = await Promise.all(Array.from({ length: 10 }, () => createOrganisation("GARAGE")));
    const results = await Promise.allSettled([
      ...users.map((u) => db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: u.id, origin: "INVITATION" } })),
      ...garages.map((g) => db.holding.create({ data: { vehicleId: vehicle.id, kind: "STOCK", organisationId: g.id, origin: "STOCK" } })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.holding.count({ where: { vehicleId: vehicle.id, endedAt: null } })).toBe(1);
  });

  it("refuses a driver through an ended or another car's owner holding, and ending an owner's holding while a driver drives through it", async () => {
    const [vehicle, otherCar] = await Promise.all([createVehicle(), createVehicle()]);
    const [owner, driver, other] = await Promise.all([createUser(), createUser(), createUser()]);
    const owned = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.id, origin: "INVITATION" } });
    const elsewhere = await db.holding.create({ data: { vehicleId: otherCar.id, kind: "OWNER", userId: other.id, origin: "INVITATION" } });
    await expect(db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driver.id, origin: "DEALER_VERIFIED", viaHoldingId: elsewhere.id } })).rejects.toThrow(/active owner/);
    const d = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driver.id, origin: "DEALER_VERIFIED", viaHoldingId: owned.id } });
    await expect(db.holding.update({ where: { id: owned.id }, data: { endedAt: new Date(), endReason: "REMOVED" } })).rejects.toThrow(/drivers through it/);
    expect((await db.holding.findUniqueOrThrow({ where: { id: owned.id } })).endedAt).toBeNull();
    await db.holding.update({ where: { id: d.id }, data: { endedAt: new Date(), endReason: "DRIVER_ACCESS_ENDED" } });
    await db.holding.update({ where: { id: owned.id }, data: { endedAt: new Date(), endReason: "REMOVED" } });
    await expect(db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: other.id, origin: "DEALER_VERIFIED", viaHoldingId: owned.id } })).rejects.toThrow(/active owner/);
  });
});

describe("organisations (database constraint)", () => {
  it("a fleet account belongs to a garage, and only a fleet account has a parent", async () => {
    const garage = await createOrganisation("GARAGE");
    const dealer = await createOrganisation("DEALER");
    await expect(db.organisation.create({ data: { name: "Fleet without garage", kind: "FLEET" } })).rejects.toThrow(/belongs to a garage/);
    await expect(db.organisation.create({ data: { name: "Fleet of a dealer", kind: "FLEET", parentId: dealer.id } })).rejects.toThrow(/belongs to a garage/);
    await expect(db.organisation.create({ data: { name: "Dealer under a garage", kind: "DEALER", parentId: garage.id } })).rejects.toThrow(/only a fleet account/);
    const fleet = await db.organisation.create({ data: { name: "Fleet", kind: "FLEET", parentId: garage.id } });
    await expect(db.organisation.update({ where: { id: fleet.id }, data: { parentId: dealer.id } })).rejects.toThrow(/belongs to a garage/);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: fleet.id } })).parentId).toBe(garage.id);
  });
});

