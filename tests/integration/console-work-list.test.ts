/**
 * The console's home work list (issue 13, point 12): per organisation, the counts of what waits
 * for its members — and only for them, only what their organisation's kind acts on.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { newToken } from "@/lib/server/tokens";
import { getWorkList } from "@/lib/console/work-list";
import { requestAppointment } from "@/lib/appointments/request-appointment";
import { actorFor, createMembership, createUser, makeVin } from "../factories";
import { dealerStaff, ownerAccount } from "../factories/linking";
import { confirmTo, garageStaff, stockPassport } from "../factories/passports";

const DAY = 24 * 3600_000;
const ahead = (days: number) => new Date(Math.ceil((Date.now() + days * DAY) / 900_000) * 900_000);

/** A self-uploaded verification request routed to `dealerId` (or to support), submitted `daysAgo`. */
async function queued(dealerId: string | null, daysAgo: number, status: "SUBMITTED" | "IN_REVIEW" | "APPROVED" = "SUBMITTED") {
  const requester = await createUser();
  return db.verificationRequest.create({
    data: {
      requesterId: requester.id,
      vin: makeVin(),
      relationship: "OWNER",
      locale: "nl",
      route: dealerId ? "DEALER" : "SUPPORT",
      dealerId,
      status,
      submittedAt: new Date(Date.now() - daysAgo * DAY),
    },
  });
}

async function invitation(organisationId: string, createdById: string, expiresInDays: number, status: "PENDING" | "REVOKED" = "PENDING") {
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "Taycan", modelYear: 2025, fuel: "ELECTRIC" } });
  return db.invitation.create({
    data: { tokenHash: newToken().hash, email: `buyer-${vehicle.id}@example.test`, vehicleId: vehicle.id, organisationId, createdById, status, expiresAt: new Date(Date.now() + expiresInDays * DAY) },
  });
}

/** A car the owner holds, linked by `dealerId` (so the dealer services it). */
async function linkedCar(dealerId: string | null) {
  const owner = await ownerAccount();
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "Macan", modelYear: 2024, fuel: "ELECTRIC" } });
  await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.user.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: dealerId } });
  return { owner, vehicle };
}

/**
 * An open (or resolved) recall on a car. The recall campaigns (another slice of issue 13) may add
 * required columns: only `vehicleId` and `resolvedAt` matter to the work list.
 */
async function recall(vehicleId: string, resolved = false) {
  return db.recall.create({ data: { vehicleId, code: `R-${vehicleId.slice(-6)}`, description: "Airbag", issuedAt: new Date(), resolvedAt: resolved ? new Date() : null } });
}

describe("the console's work list", () => {
  it("a dealer's member sees its queue (with the oldest), expiring invitations, requests to answer and open recalls of the cars it services", async () => {
    const dealer = await dealerStaff();
    const other = await dealerStaff();
    const oldest = await queued(dealer.org.id, 4);
    await queued(dealer.org.id, 1, "IN_REVIEW");
    await queued(dealer.org.id, 9, "APPROVED"); // decided: not waiting
    await queued(other.org.id, 20); // another dealer's
    await queued(null, 2); // support's
    await invitation(dealer.org.id, dealer.user.id, 1);
    await invitation(dealer.org.id, dealer.user.id, 2.9);
    await invitation(dealer.org.id, dealer.user.id, 10); // not soon
    await invitation(dealer.org.id, dealer.user.id, -1); // expired already
    await invitation(dealer.org.id, dealer.user.id, 1, "REVOKED");
    const car = await linkedCar(dealer.org.id);
    await recall(car.vehicle.id);
    await recall(car.vehicle.id, true); // resolved
    await recall((await linkedCar(other.org.id)).vehicle.id); // a car another dealer services
    await requestAppointment({ actor: car.owner.actor, vehicleId: car.vehicle.id, organisationId: dealer.org.id, reason: "SERVICE", times: [ahead(2), ahead(3)] });
    const own = await linkedCar(null);
    await requestAppointment({ actor: own.owner.actor, vehicleId: own.vehicle.id, organisationId: other.org.id, reason: "TYRES", times: [ahead(2), ahead(3)] });

    const list = await getWorkList(dealer.actor);
    expect(list.byOrganisation[dealer.org.id]).toEqual({
      verifications: { count: 2, oldest: oldest.submittedAt },
      invitations: 2,
      appointments: 1,
      recalls: 1,
    });
    expect(Object.keys(list.byOrganisation)).toEqual([dealer.org.id]);
    expect(list.support).toBeNull();
  });

  it("a garage sees pending transfers and requests to answer, not a dealer's queue or invitations", async () => {
    const garage = await garageStaff();
    const p1 = await stockPassport(garage);
    const p2 = await stockPassport(garage);
    await confirmTo(garage, p1.passportId);
    await confirmTo(garage, p2.passportId);
    const car = await linkedCar(null);
    await requestAppointment({ actor: car.owner.actor, vehicleId: car.vehicle.id, organisationId: garage.garage.id, reason: "REPAIR", times: [ahead(2), ahead(3)] });
    // A recall on a car in the garage's stock (its AutoPaspoort): a car it services.
    await recall(p1.vehicleId);
    const list = await getWorkList(garage.actor);
    expect(list.byOrganisation[garage.garage.id]).toEqual({ appointments: 1, transfers: 2, recalls: 1 });
  });

  it("answered requests leave the count; support sees the central queue; an owner or a fleet member sees nothing", async () => {
    const dealer = await dealerStaff();
    const car = await linkedCar(null);
    const r = await requestAppointment({ actor: car.owner.actor, vehicleId: car.vehicle.id, organisationId: dealer.org.id, reason: "SERVICE", times: [ahead(2), ahead(3)] });
    expect((await getWorkList(dealer.actor)).byOrganisation[dealer.org.id]?.appointments).toBe(1);
    await db.appointment.update({ where: { id: r.appointmentId }, data: { status: "CONFIRMED", startsAt: ahead(2) } });
    expect((await getWorkList(dealer.actor)).byOrganisation[dealer.org.id]?.appointments).toBe(0);

    const support = await actorFor((await createUser({ platformRole: "SUPPORT" })).id);
    const before = (await getWorkList(support)).support!.count;
    await queued(null, 3);
    expect((await getWorkList(support)).support!.count).toBe(before + 1);
    expect((await getWorkList(support)).byOrganisation).toEqual({});

    expect(await getWorkList(car.owner.actor)).toEqual({ byOrganisation: {}, support: null });
    const garage = await garageStaff();
    const fleetMember = await createUser();
    await createMembership(fleetMember.id, garage.fleet.id);
    expect(await getWorkList(await actorFor(fleetMember.id))).toEqual({ byOrganisation: {}, support: null });
  });
});
