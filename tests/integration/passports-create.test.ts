import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createPassport } from "@/lib/passports/create-passport";
import { getPassportProfile } from "@/lib/passports/queries/staff-profile";
import { listPassports, STOCK_PAGE_SIZE } from "@/lib/passports/queries/stock-list";
import type { NlSidecode } from "@/lib/server/plate";
import { actorFor, createUser, createVehicle, makeVin } from "../factories";
import { expectAppError, garageStaff, randomNlPlate, stockPassport } from "../factories/passports";

const SIDECODES = Array.from({ length: 14 }, (_, i) => (i + 1) as NlSidecode);

describe("createPassport", () => {
  it("creates an active passport held by the garage as stock, with an audit row", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId, plate } = await stockPassport(staff);
    const passport = await db.passport.findUniqueOrThrow({ where: { id: passportId } });
    expect(passport).toMatchObject({ garageId: staff.garage.id, status: "IN_STOCK", fleetAccountId: null, createdById: staff.user.id });
    expect(passport.activatedAt.getTime()).toBeLessThanOrEqual(Date.now());
    const holdings = await db.holding.findMany({ where: { vehicleId } });
    expect(holdings).toEqual([expect.objectContaining({ kind: "STOCK", organisationId: staff.garage.id, origin: "STOCK", endedAt: null })]);
    const stored = await db.licencePlate.findFirstOrThrow({ where: { vehicleId } });
    expect(stored).toMatchObject({ country: "NL", plate: plate.replaceAll("-", ""), validTo: null });
    expect(await db.auditLog.count({ where: { entityId: passportId, action: "passport.created", actorUserId: staff.user.id } })).toBe(1);
  });

  it.each(SIDECODES)("accepts a Dutch plate of sidecode %i, typed with or without dashes", async (sidecode) => {
    const staff = await garageStaff();
    const display = randomNlPlate(sidecode);
    const typed = sidecode % 2 ? display.replaceAll("-", "").toLowerCase() : display;
    const { vehicleId } = await stockPassport(staff, { plate: typed });
    expect(await db.licencePlate.findFirstOrThrow({ where: { vehicleId } })).toMatchObject({ country: "NL", plate: display.replaceAll("-", "") });
  });

  it.each([["1-BDF-234"], ["BDF-123"], ["123-bdf"]])("accepts the Belgian plate format %s (current and older)", async (typed) => {
    const staff = await garageStaff();
    // Unique per run: swap the digits for random ones of the same length.
    const plate = typed.replace(/\d{3}/, String(100 + Math.floor(Math.random() * 900)));
    const { vehicleId } = await stockPassport(staff, { plate, plateCountry: "BE" });
    expect(await db.licencePlate.findFirstOrThrow({ where: { vehicleId } })).toMatchObject({ country: "BE", plate: plate.replaceAll("-", "").toUpperCase() });
  });

  it.each([["AE-{2}-{2}"], ["{2}-{2}-QU"], ["{2}-CO-{2}"]])("accepts any letter on an old plate of sidecodes 1-3: %s", async (pattern) => {
    const staff = await garageStaff();
    const plate = pattern.replace(/\{2\}/g, () => String(10 + Math.floor(Math.random() * 90)));
    const { vehicleId } = await stockPassport(staff, { plate });
    expect(await db.licencePlate.findFirstOrThrow({ where: { vehicleId } })).toMatchObject({ country: "NL", plate: plate.replaceAll("-", "") });
  });

  it.each([
    ["AB-12-CD", "NL"], // vowels and C in a sidecode 4 plate (no vowels since 1978)
    ["RR-QH-02", "NL"], // Q, sidecode 5
    ["88-XD-VE", "NL"], // vowel, sidecode 6
    ["GA-231-K", "NL"], // vowel in a sidecode 9 plate
    ["GC-231-K", "NL"], // C is not used from sidecode 4 on
    ["ABCDEF", "NL"],
    ["123456", "NL"],
    ["GZ-231-KK", "NL"],
    ["1-ABC-123", "NL"], // Belgian format, Dutch country
    ["GZ-231-K", "BE"], // Dutch format, Belgian country
    ["0-ABC-123", "BE"], // the current Belgian format starts with 1-9
    ["", "NL"],
    ["GZ 231 K; DROP TABLE", "NL"],
  ] as const)("refuses %j (%s) with plate_invalid and creates nothing", async (plate, plateCountry) => {
    const staff = await garageStaff();
    const vin = makeVin();
    const e = await expectAppError(createPassport({ actor: staff.actor, garageId: staff.garage.id, plate, plateCountry, vin, make: "Honda", model: "Civic", modelYear: 2019 }), "VALIDATION", "plate_invalid");
    expect(e.fieldErrors).toEqual({ plate: ["plate_invalid"] });
    expect(await db.vehicle.count({ where: { vin } })).toBe(0);
  });

  it("refuses a second passport for the same car, by VIN or by plate, saying why", async () => {
    const staff = await garageStaff();
    const first = await stockPassport(staff);
    await expectAppError(stockPassport(staff, { vin: first.vin }), "CONFLICT", "passport_exists");
    await expectAppError(stockPassport(staff, { plate: first.plate }), "CONFLICT", "passport_exists_plate");
    // Another garage cannot take it either.
    await expectAppError(stockPassport(await garageStaff(), { vin: first.vin }), "CONFLICT", "passport_exists");
    expect(await db.passport.count({ where: { vehicle: { vin: first.vin } } })).toBe(1);
  });

  it("refuses a plate that is the current plate of another car (without a passport), and creates nothing", async () => {
    const staff = await garageStaff();
    const known = await createVehicle();
    const plate = randomNlPlate(4);
    await db.licencePlate.create({ data: { vehicleId: known.id, country: "NL", plate: plate.replaceAll("-", "") } });
    const vin = makeVin();
    const e = await expectAppError(stockPassport(staff, { plate: plate.toLowerCase(), vin }), "CONFLICT", "plate_other_vehicle");
    expect(e.fieldErrors).toEqual({ plate: ["plate_other_vehicle"] });
    expect(await db.vehicle.count({ where: { vin } })).toBe(0);
    // A former plate of another car is free again.
    await db.licencePlate.updateMany({ where: { vehicleId: known.id }, data: { validTo: new Date() } });
    await stockPassport(staff, { plate, vin });
  });

  it("refuses a car that has an active owner", async () => {
    const staff = await garageStaff();
    const vehicle = await createVehicle();
    const owner = await createUser();
    await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.id, origin: "INVITATION" } });
    const e = await expectAppError(stockPassport(staff, { vin: vehicle.vin }), "CONFLICT", "vehicle_has_owner_passport");
    expect(e.fieldErrors).toEqual({ vin: ["vehicle_has_owner_passport"] });
    expect(await db.passport.count({ where: { vehicleId: vehicle.id } })).toBe(0);
  });

  it("links to one of the garage's own fleet accounts only", async () => {
    const staff = await garageStaff();
    const other = await garageStaff();
    const { passportId } = await stockPassport(staff, { fleetAccountId: staff.fleet.id });
    expect((await db.passport.findUniqueOrThrow({ where: { id: passportId } })).fleetAccountId).toBe(staff.fleet.id);
    await expectAppError(stockPassport(staff, { fleetAccountId: other.fleet.id }), "VALIDATION", "fleet_invalid");
  });

  it("acts only for the actor's own garages", async () => {
    const staff = await garageStaff();
    const other = await garageStaff();
    await expectAppError(stockPassport(staff, { garageId: other.garage.id }), "NOT_FOUND");
    const owner = await createUser();
    await expectAppError(createPassport({ actor: await actorFor(owner.id), garageId: staff.garage.id, plate: randomNlPlate(), vin: makeVin(), make: "X", model: "Y", modelYear: 2020 }), "NOT_FOUND");
  });

  it("admits exactly one of two concurrent creations for one car", async () => {
    const [a, b] = [await garageStaff(), await garageStaff()];
    const vin = makeVin();
    const results = await Promise.allSettled([stockPassport(a, { vin }), stockPassport(b, { vin })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.passport.count({ where: { vehicle: { vin } } })).toBe(1);
    expect(await db.holding.count({ where: { vehicle: { vin }, kind: "STOCK", endedAt: null } })).toBe(1);
  });
});

describe("one current plate, one car", () => {
  // The embedded database runs one transaction at a time; run this on PostgreSQL (DATABASE_URL) to race for real.
  it("admits exactly one of concurrent creations of the same plate for different VINs", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await garageStaff(), await garageStaff()];
      const plate = randomNlPlate(round % 2 ? 9 : 5);
      const vins = [makeVin(), makeVin()];
      const results = await Promise.allSettled([stockPassport(a, { plate, vin: vins[0] }), stockPassport(b, { plate, vin: vins[1] })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected?.reason).toMatchObject({ code: "CONFLICT", messageKey: "passport_exists_plate" });
      expect(await db.licencePlate.count({ where: { plate: plate.replaceAll("-", ""), country: "NL", validTo: null } })).toBe(1);
      // The loser's transaction rolled back whole: no car, no stock, no passport.
      expect(await db.vehicle.count({ where: { vin: { in: vins } } })).toBe(1);
      expect(await db.passport.count({ where: { vehicle: { vin: { in: vins } } } })).toBe(1);
      expect(await db.holding.count({ where: { vehicle: { vin: { in: vins } }, kind: "STOCK" } })).toBe(1);
    }
  });
});

describe("the stock list and the profile", () => {
  it("lists the garage's own stock newest first, searchable by plate, VIN and model, with cursors", async () => {
    const staff = await garageStaff();
    const other = await garageStaff();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await stockPassport(staff, { model: `Civic ${i}` }));
    const foreign = await stockPassport(other);
    const all = await listPassports(staff.actor);
    expect(all.items.map((p) => p.id)).toEqual(made.map((m) => m.passportId).reverse());
    expect(all.items.map((p) => p.id)).not.toContain(foreign.passportId);
    expect((await listPassports(staff.actor, { q: made[1]!.plate.replaceAll("-", "").toLowerCase() })).items.map((p) => p.id)).toEqual([made[1]!.passportId]);
    expect((await listPassports(staff.actor, { q: made[2]!.vin })).items.map((p) => p.id)).toEqual([made[2]!.passportId]);
    expect((await listPassports(staff.actor, { q: "civic 0" })).items.map((p) => p.id)).toEqual([made[0]!.passportId]);
    // A complete plate or VIN is looked up exactly; a part of one is searched as a substring.
    expect((await listPassports(staff.actor, { q: made[1]!.plate })).items.map((p) => p.id)).toEqual([made[1]!.passportId]);
    expect((await listPassports(staff.actor, { q: made[1]!.plate.replaceAll("-", "").slice(1, 5) })).items.map((p) => p.id)).toContain(made[1]!.passportId);
    expect((await listPassports(staff.actor, { q: made[2]!.vin.slice(-8).toLowerCase() })).items.map((p) => p.id)).toEqual([made[2]!.passportId]);
    expect((await listPassports(staff.actor, { q: foreign.vin })).items).toEqual([]);
    expect((await listPassports(staff.actor, { q: foreign.plate })).items).toEqual([]);
    const page = await listPassports(staff.actor, { cursor: made[2]!.passportId });
    expect(page.items.map((p) => p.id)).toEqual([made[1]!.passportId, made[0]!.passportId]);
  });

  it("walks every page of a stock larger than a page by the returned cursor: newest first, no duplicates, no gaps", async () => {
    const staff = await garageStaff();
    const made: string[] = [];
    // Created one by one, so each is newer than the one before.
    for (let i = 0; i < 2 * 4 + 3; i++) made.push((await stockPassport(staff)).passportId);
    const newestFirst = [...made].reverse();
    for (const pageSize of [4, 11, undefined]) {
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPassports(staff.actor, { cursor, pageSize });
        seen.push(...page.items.map((p) => p.id));
        sizes.push(page.items.length);
        cursor = page.nextCursor;
        expect(page.items.map((p) => p.createdAt.getTime())).toEqual(page.items.map((p) => p.createdAt.getTime()).sort((a, b) => b - a));
      } while (cursor && sizes.length < 20);
      expect(seen).toEqual(newestFirst);
      expect(new Set(seen).size).toBe(made.length);
      expect(sizes).toEqual(pageSize === 4 ? [4, 4, 3] : pageSize === 11 ? [11] : [11]);
    }
  });

  it("with the default page size of 25, the 26th passport is on the second page", async () => {
    const staff = await garageStaff();
    const made: string[] = [];
    for (let i = 0; i < STOCK_PAGE_SIZE + 1; i++) made.push((await stockPassport(staff)).passportId);
    const first = await listPassports(staff.actor);
    expect(first.items).toHaveLength(STOCK_PAGE_SIZE);
    expect(first.nextCursor).toBe(made[1]);
    const second = await listPassports(staff.actor, { cursor: first.nextCursor });
    expect(second.items.map((p) => p.id)).toEqual([made[0]]);
    expect(second.nextCursor).toBeUndefined();
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual([...made].reverse());
  });

  it("a complete older Belgian plate also finds the current plates that contain it; a plate-shaped part of a VIN is still found", async () => {
    const staff = await garageStaff();
    const digits = String(100 + Math.floor(Math.random() * 900));
    const letters = randomNlPlate(11).slice(0, 3); // three consonants
    const older = await stockPassport(staff, { plate: `${letters}-${digits}`, plateCountry: "BE" });
    const current = await stockPassport(staff, { plate: `1-${letters}-${digits}`, plateCountry: "BE" });
    const ids = async (q: string) => (await listPassports(staff.actor, { q })).items.map((p) => p.id);
    expect(await ids(`${letters}${digits}`)).toEqual([current.passportId, older.passportId]);
    expect(await ids(`${letters.toLowerCase()}-${digits}`)).toEqual([current.passportId, older.passportId]);
    // The longer plate is complete: only itself.
    expect(await ids(`1${letters}${digits}`)).toEqual([current.passportId]);
    // Without the older plate in stock, "ABC123" still finds 1-ABC-123.
    const other = await garageStaff();
    const alone = await stockPassport(other, { plate: `2-${letters}-${digits}`, plateCountry: "BE" });
    expect((await listPassports(other.actor, { q: `${letters}${digits}` })).items.map((p) => p.id)).toEqual([alone.passportId]);
    // "ZJM131" looks like an older Belgian plate; no plate matches, so the VIN's substring does.
    const fragment = `${randomNlPlate(11).slice(0, 3)}${String(100 + Math.floor(Math.random() * 900))}`;
    const byVin = await stockPassport(staff, { vin: `WVWZZZ${fragment}${String(10000 + Math.floor(Math.random() * 90000))}` });
    expect(await ids(fragment)).toEqual([byVin.passportId]);
  });

  it("reads another garage's passport as not found", async () => {
    const staff = await garageStaff();
    const other = await garageStaff();
    const { passportId } = await stockPassport(staff);
    expect(await getPassportProfile(other.actor, passportId)).toBeNull();
    expect((await getPassportProfile(staff.actor, passportId))?.inStock).toBe(true);
  });
});
