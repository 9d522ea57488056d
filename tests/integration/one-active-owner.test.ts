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
    await db.holding.update({ where: { id: first.id }, data: { endedAt: new Date(), endReason: "REMOVED" } });
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

