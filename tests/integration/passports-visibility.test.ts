/**
 * Who sees what of an AutoPaspoort from the car's page: the notes and expected delivery costs a
 * garage wrote for a sale belong to that sale's buyer, while they hold the car; a later owner, an
 * authorised driver and anyone else see neither, and nobody but the garage sees a stock passport.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { acceptTransfer } from "@/lib/passports/accept-transfer";
import { addCostItem } from "@/lib/passports/add-cost-item";
import { addMaintenanceItem } from "@/lib/passports/add-maintenance-item";
import { createPassport } from "@/lib/passports/create-passport";
import { updatePassport } from "@/lib/passports/update-passport";
import { getOwnerPassport } from "@/lib/passports/queries/owner-passport";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { acceptInvitation } from "@/lib/linking/accept-invitation";
import { actorFor, createUser } from "../factories";
import { dealerStaff, deskInput, invite, ownerAccount } from "../factories/linking";
import { confirmTo, garageStaff, randomNlPlate, stockPassport } from "../factories/passports";

const NOTE = "Koper krijgt tien procent korting op het eerste onderhoud";
const COST = "Afleverpakket met winterbanden";

/** A garage sells a stock car with notes and delivery costs to a buyer, who accepts. */
async function soldWithNotes() {
  const staff = await garageStaff();
  const car = await stockPassport(staff);
  await addCostItem({ actor: staff.actor, passportId: car.passportId, description: COST, amountCents: 29_500 });
  await addMaintenanceItem({ actor: staff.actor, passportId: car.passportId, description: "Distributieriem vervangen" });
  await updatePassport({ actor: staff.actor, passportId: car.passportId, status: "RESERVED", notes: NOTE });
  const buyer = await ownerAccount();
  const { transferId } = await confirmTo(staff, car.passportId, buyer.user.email);
  await acceptTransfer({ actor: buyer.actor, transferId });
  return { staff, car, buyer };
}

const hidesTheSale = (view: unknown) => {
  expect(view).toMatchObject({ ownSale: false, notes: "", costItems: [], totalCents: 0 });
  expect(JSON.stringify(view)).not.toMatch(/korting|winterbanden|29500/);
};

describe("the notes and costs of a sale", () => {
  it("are shown to the sale's buyer, and not to the next owner linked at the desk, who still sees the car's maintenance", async () => {
    const { car, buyer } = await soldWithNotes();
    expect(await getOwnerPassport(buyer.actor, car.vehicleId)).toMatchObject({
      ownSale: true,
      notes: NOTE,
      totalCents: 29_500,
      costItems: [expect.objectContaining({ description: COST })],
      canEndRelationship: true,
    });

    const dealer = await dealerStaff();
    const next = await ownerAccount();
    await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, next.user, { vin: car.vin, confirmOwnershipChange: true }));

    const view = await getOwnerPassport(next.actor, car.vehicleId);
    hidesTheSale(view);
    expect(view?.maintenanceItems.map((m) => m.description)).toEqual(["Distributieriem vervangen"]);
    expect(view?.history).toEqual([expect.objectContaining({ to: "privateOwner" })]);
    // The buyer's own view ended with their holding.
    expect(await getOwnerPassport(buyer.actor, car.vehicleId)).toBeNull();
  });

  it("are not shown to an owner who got the car by invitation after the buyer removed it", async () => {
    const { car, buyer } = await soldWithNotes();
    await removeVehicle({ actor: buyer.actor, vehicleId: car.vehicleId, understood: true });
    const dealer = await dealerStaff();
    const next = await ownerAccount();
    const { token } = await invite(dealer, { vin: car.vin, email: next.user.email });
    await acceptInvitation({ actor: next.actor, token });
    hidesTheSale(await getOwnerPassport(next.actor, car.vehicleId));
  });

  it("are not shown to the buyer's authorised driver, who cannot end the garage's relationship either", async () => {
    const { car, buyer } = await soldWithNotes();
    const dealer = await dealerStaff();
    const driver = await ownerAccount();
    const buyerName = `${buyer.user.firstName} ${buyer.user.lastName}`;
    await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, driver.user, { vin: car.vin, relationship: "DRIVER", authorisationSeen: true, registeredOwnerName: buyerName }));
    const view = await getOwnerPassport(driver.actor, car.vehicleId);
    hidesTheSale(view);
    expect(view).toMatchObject({ canEndRelationship: false });
    expect((await getOwnerPassport(buyer.actor, car.vehicleId))?.notes).toBe(NOTE);
  });

  it("are nobody's but the garage's while the car is in stock: an authorised driver of a car a garage stocks loses access", async () => {
    // A lease car's driver, linked while the car had no owner.
    const dealer = await dealerStaff();
    const driver = await ownerAccount();
    const linked = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, driver.user, { relationship: "DRIVER", authorisationSeen: true, registeredOwnerName: "Leasemaatschappij BV" }));
    const vin = (await db.vehicle.findUniqueOrThrow({ where: { id: linked.vehicleId } })).vin;
    const staff = await garageStaff();
    const { passportId } = await createPassport({ actor: staff.actor, garageId: staff.garage.id, plate: randomNlPlate(), vin, make: "Porsche", model: "Cayenne", modelYear: 2023 });
    await updatePassport({ actor: staff.actor, passportId, status: "IN_STOCK", notes: NOTE });

    expect(await getOwnerPassport(driver.actor, linked.vehicleId)).toBeNull();
    expect(await db.holding.findUniqueOrThrow({ where: { id: linked.holdingId } })).toMatchObject({ endReason: "OWNERSHIP_CHANGED" });
    expect(await db.auditLog.count({ where: { action: "vehicle.driver_access_ended", entityId: linked.holdingId, actorOrganisationId: staff.garage.id } })).toBe(1);

    // Even a holder the database still lists beside the stock holding sees nothing of it.
    const other = await createUser();
    await db.holding.create({ data: { vehicleId: linked.vehicleId, kind: "DRIVER", userId: other.id, origin: "DEALER_VERIFIED" } });
    expect(await getOwnerPassport(await actorFor(other.id), linked.vehicleId)).toBeNull();
  });

  it("are not shown to anyone without a holding of the car: a stranger, another car's owner, the previous garage's staff", async () => {
    const { staff, car } = await soldWithNotes();
    const stranger = await actorFor((await createUser()).id);
    expect(await getOwnerPassport(stranger, car.vehicleId)).toBeNull();
    const elsewhere = await soldWithNotes();
    expect(await getOwnerPassport(elsewhere.buyer.actor, car.vehicleId)).toBeNull();
    expect((await getOwnerPassport(elsewhere.buyer.actor, elsewhere.car.vehicleId))?.notes).toBe(NOTE);
    await expect(getOwnerPassport(staff.actor, car.vehicleId)).resolves.toBeNull();
  });
});
