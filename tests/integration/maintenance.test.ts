/**
 * Planned maintenance and its reminder (issue 13, point 3; docs/decisions/0027-recalls-warranties-maintenance.md):
 * who sets the next service, what closes it, the daily reminder (30 days / 1,000 km before, once
 * per item however often the job runs) and its "I sold this car" link.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { today } from "@/lib/server/dates";
import { hashToken } from "@/lib/server/tokens";
import type { Actor } from "@/lib/server/authz";
import { setOwnerDue, setWorkshopDue } from "@/lib/maintenance/set-due";
import { reminderDue, sendMaintenanceReminders } from "@/lib/maintenance/reminders";
import { carForSoldLink, SOLD_LINK_TTL_DAYS } from "@/lib/maintenance/sold-link";
import { getOwnerCarCare } from "@/lib/recalls/queries";
import { recordWorkshopEntry } from "@/lib/dossier/record-workshop-entry";
import { recordOwnerEntry } from "@/lib/dossier/record-owner-entry";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { DAILY_JOBS } from "@/lib/jobs/registry";
import { actorFor, createUser, makeVin, outboxFor } from "../factories";
import { dealerStaff, expectAppError, ownerAccount } from "../factories/linking";
import { garageStaff, stockPassport } from "../factories/passports";

const DAY = 86_400_000;
const day = (n: number) => new Date(today().getTime() + n * DAY);

async function ownedCar(opts: { dealerId?: string; mileageKm?: number | null } = {}) {
  const owner = await ownerAccount({ locale: "en" });
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "Macan", modelYear: 2022, fuel: "PETROL", mileageKm: opts.mileageKm === undefined ? 40_000 : opts.mileageKm } });
  const holding = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.user.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: opts.dealerId ?? null } });
  const driverUser = await createUser();
  await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driverUser.id, origin: "DEALER_VERIFIED", viaHoldingId: holding.id } });
  return { owner, vehicle, holding, driver: await actorFor(driverUser.id) };
}

const due = (actor: Actor, vehicleId: string, over: { dueOn?: Date; dueKm?: number; description?: string } = {}) =>
  setOwnerDue({ actor, vehicleId, task: over.description ?? "Annual service", dueOn: over.dueOn, dueKm: over.dueKm });

const reminders = (email: string) => outboxFor(email).then((rows) => rows.filter((r) => r.template === "maintenance-due"));

describe("setting the next service", () => {
  it("a workshop that services the car sets it; the owner's later one replaces it; the car page shows the open one", async () => {
    const dealer = await dealerStaff();
    const car = await ownedCar({ dealerId: dealer.org.id });
    const first = await setWorkshopDue({ actor: dealer.actor, vehicleId: car.vehicle.id, task: "Major service", dueOn: day(90), dueKm: 60_000 });
    const seen = await getOwnerCarCare(car.owner.actor, car.vehicle.id, "en");
    expect(seen?.due).toMatchObject({ id: first.dueId, source: "WORKSHOP", workshop: dealer.org.name, status: "ok", dueKm: 60_000 });
    const second = await due(car.owner.actor, car.vehicle.id, { dueOn: day(10) });
    expect(await db.maintenanceDue.findUniqueOrThrow({ where: { id: first.dueId } })).toMatchObject({ status: "REPLACED" });
    expect((await getOwnerCarCare(car.driver, car.vehicle.id, "en"))?.due).toMatchObject({ id: second.dueId, source: "OWNER", status: "soon", setByYou: false });
    expect(await db.auditLog.count({ where: { action: "maintenance.due_set", vehicleId: car.vehicle.id } })).toBe(2);
  });

  it("another workshop, a garage, another owner, a driver and support cannot set it", async () => {
    const dealer = await dealerStaff();
    const car = await ownedCar({ dealerId: dealer.org.id });
    const input = { vehicleId: car.vehicle.id, task: "Service", dueOn: day(30) };
    for (const actor of [(await dealerStaff()).actor, (await garageStaff()).actor, car.owner.actor, (await actorFor((await createUser({ platformRole: "SUPPORT" })).id))]) {
      await expectAppError(setWorkshopDue({ actor, ...input }), "NOT_FOUND");
    }
    for (const actor of [(await ownerAccount()).actor, car.driver, dealer.actor]) {
      await expectAppError(setOwnerDue({ actor, ...input }), "NOT_FOUND");
    }
    expect(await db.maintenanceDue.count({ where: { vehicleId: car.vehicle.id } })).toBe(0);
  });

  it("a service entry done on or after the day it was set closes it; an inspection or an earlier service does not", async () => {
    const dealer = await dealerStaff();
    const car = await ownedCar({ dealerId: dealer.org.id });
    const { dueId } = await due(car.owner.actor, car.vehicle.id, { dueOn: day(20) });
    await recordOwnerEntry({ actor: car.owner.actor, vehicleId: car.vehicle.id, kind: "SERVICE", performedOn: day(-3), mileageKm: 39_000, description: "Last year's", lines: [] });
    await recordWorkshopEntry({ actor: dealer.actor, vehicleId: car.vehicle.id, kind: "INSPECTION", performedOn: day(0), mileageKm: 40_100, description: "APK", lines: [] });
    expect((await db.maintenanceDue.findUniqueOrThrow({ where: { id: dueId } })).status).toBe("OPEN");
    const { entryId } = await recordWorkshopEntry({ actor: dealer.actor, vehicleId: car.vehicle.id, kind: "SERVICE", performedOn: day(0), mileageKm: 40_200, description: "Service", lines: [] });
    expect(await db.maintenanceDue.findUniqueOrThrow({ where: { id: dueId } })).toMatchObject({ status: "DONE", serviceRecordId: entryId });
    expect((await getOwnerCarCare(car.owner.actor, car.vehicle.id, "en"))?.due).toBeNull();
  });
});

describe("the reminder job", () => {
  it("is registered as a daily job", () => {
    expect(DAILY_JOBS.map((j) => j.name)).toContain("maintenance-reminders");
  });

  it("reminds 30 days before the date, not 31", () => {
    const t = today();
    expect(reminderDue({ dueOn: day(31), dueKm: null }, t, null)).toBe(false);
    expect(reminderDue({ dueOn: day(30), dueKm: null }, t, null)).toBe(true);
    expect(reminderDue({ dueOn: day(-2), dueKm: null }, t, null)).toBe(true);
    expect(reminderDue({ dueOn: null, dueKm: 50_000 }, t, 48_999)).toBe(false);
    expect(reminderDue({ dueOn: null, dueKm: 50_000 }, t, 49_000)).toBe(true);
    expect(reminderDue({ dueOn: null, dueKm: 50_000 }, t, null)).toBe(false);
  });

  it("run twice, and twice at once, e-mails the owner once and leaves one message; 31 days ahead waits", async () => {
    const car = await ownedCar();
    const later = await ownedCar();
    const { dueId } = await due(car.owner.actor, car.vehicle.id, { dueOn: day(30), description: "Oil change" });
    await due(later.owner.actor, later.vehicle.id, { dueOn: day(31) });
    await Promise.all([sendMaintenanceReminders(), sendMaintenanceReminders()]);
    await sendMaintenanceReminders();
    const mails = await reminders(car.owner.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ car: "Porsche Macan", description: "Oil change", when: "date" });
    expect(await db.message.count({ where: { userId: car.owner.user.id, kind: "maintenance_due" } })).toBe(1);
    expect(await db.maintenanceDue.findUniqueOrThrow({ where: { id: dueId } })).toMatchObject({ reminderUserId: car.owner.user.id, reminderSentAt: expect.any(Date) });
    expect(await db.message.count({ where: { userId: car.driver.userId } })).toBe(0);
    expect(await reminders(later.owner.user.email)).toEqual([]);
    // A day later the 31-day item is 30 days away.
    await sendMaintenanceReminders(new Date(Date.now() + DAY));
    expect(await reminders(later.owner.user.email)).toHaveLength(1);
  });

  it("reminds by mileage within 1,000 km of the latest reading", async () => {
    const near = await ownedCar({ mileageKm: 59_000 });
    const far = await ownedCar({ mileageKm: 58_999 });
    await due(near.owner.actor, near.vehicle.id, { dueKm: 60_000 });
    await due(far.owner.actor, far.vehicle.id, { dueKm: 60_000 });
    await sendMaintenanceReminders();
    expect((await reminders(near.owner.user.email))[0]?.payload).toMatchObject({ when: "km", dueKm: "60,000 km" });
    expect(await reminders(far.owner.user.email)).toEqual([]);
  });

  it("skips a car without an owner, unmarked, and never reminds a closed item", async () => {
    const garage = await garageStaff();
    const p = await stockPassport(garage);
    const stock = await setWorkshopDue({ actor: garage.actor, vehicleId: p.vehicleId, task: "Service", dueOn: day(5) });
    const car = await ownedCar();
    const replaced = await due(car.owner.actor, car.vehicle.id, { dueOn: day(3) });
    await due(car.owner.actor, car.vehicle.id, { dueOn: day(200) });
    await sendMaintenanceReminders();
    expect((await db.maintenanceDue.findUniqueOrThrow({ where: { id: stock.dueId } })).reminderSentAt).toBeNull();
    expect((await db.maintenanceDue.findUniqueOrThrow({ where: { id: replaced.dueId } })).reminderSentAt).toBeNull();
    expect(await reminders(car.owner.user.email)).toEqual([]);
  });
});

describe("the \"I sold this car\" link", () => {
  async function reminded() {
    const car = await ownedCar();
    await due(car.owner.actor, car.vehicle.id, { dueOn: day(1) });
    await sendMaintenanceReminders();
    const [mail] = await reminders(car.owner.user.email);
    const url = new URL(String((mail!.payload as { soldUrl: string }).soldUrl));
    expect(url.pathname).toMatch(/^\/en\/garage\/sold\/[A-Za-z0-9_-]{40,}$/);
    return { car, token: url.pathname.split("/").pop()! };
  }

  it("leads the owner it went to to that car; the token is stored only as its hash", async () => {
    const { car, token } = await reminded();
    expect(await carForSoldLink(car.owner.actor, token)).toBe(car.vehicle.id);
    expect(await db.maintenanceDue.count({ where: { soldTokenHash: token } })).toBe(0);
    expect(await db.maintenanceDue.count({ where: { soldTokenHash: hashToken(token) } })).toBe(1);
    // Following it removes nothing: the owner confirms on the removal page.
    expect(await db.holding.count({ where: { vehicleId: car.vehicle.id, kind: "OWNER", endedAt: null } })).toBe(1);
  });

  it("reads as not found for another owner, the driver, staff, a changed token, after the car left the garage, and when expired", async () => {
    const { car, token } = await reminded();
    expect(await carForSoldLink((await ownerAccount()).actor, token)).toBeNull();
    expect(await carForSoldLink(car.driver, token)).toBeNull();
    expect(await carForSoldLink((await dealerStaff()).actor, token)).toBeNull();
    expect(await carForSoldLink(car.owner.actor, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await carForSoldLink(car.owner.actor, "short")).toBeNull();
    expect(await carForSoldLink(car.owner.actor, token, new Date(Date.now() + (SOLD_LINK_TTL_DAYS + 1) * DAY))).toBeNull();
    await removeVehicle({ actor: car.owner.actor, vehicleId: car.vehicle.id, understood: true });
    expect(await carForSoldLink(car.owner.actor, token)).toBeNull();
  });
});
