/**
 * Holding changes of one car that race each other (20 calls at once on PostgreSQL): every change
 * takes the car's row lock first (lib/holdings/vehicles.ts lockVehicle) and the database checks
 * the same under that lock, so each race ends in one consistent state.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { acceptInvitation } from "@/lib/linking/accept-invitation";
import { createPassport } from "@/lib/passports/create-passport";
import { outboxFor } from "../factories";
import { dealerStaff, deskInput, invite, ownedVehicle, ownerAccount } from "../factories/linking";
import { garageStaff, randomNlPlate } from "../factories/passports";

const WAYS = 20;
const ROUNDS = 3;

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? `${r.reason.code}:${r.reason.messageKey}` : `unexpected: ${String(r.reason)}`;

describe("concurrent holding changes of one car", () => {
  it("drivers linked at the desk while the owner removes the car: none stays active through the ended link", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const owner = await ownerAccount();
      const car = await ownedVehicle({ ownerId: owner.user.id }); // with one driver through the owner already
      const ownerName = `${owner.user.firstName} ${owner.user.lastName}`;
      const dealer = await dealerStaff();
      const drivers = await Promise.all(Array.from({ length: WAYS - 1 }, () => ownerAccount()));

      const results = await Promise.allSettled([
        removeVehicle({ actor: owner.actor, vehicleId: car.vehicle.id, understood: true }),
        ...drivers.map((d) =>
          verifyAtDesk(deskInput(dealer.actor, dealer.org.id, d.user, { vin: car.vehicle.vin, relationship: "DRIVER", authorisationSeen: true, registeredOwnerName: ownerName })),
        ),
      ]);

      // Every call succeeds: a driver is linked through the owner before the removal, or after it without an owner.
      expect(results.map(outcome)).toEqual(Array(WAYS).fill("ok"));
      expect(await db.holding.findUniqueOrThrow({ where: { id: car.holding.id } })).toMatchObject({ endReason: "REMOVED" });
      const linked = await db.holding.findMany({ where: { vehicleId: car.vehicle.id, kind: "DRIVER", userId: { in: drivers.map((d) => d.user.id) } } });
      expect(linked).toHaveLength(WAYS - 1);
      for (const h of linked) {
        if (h.viaHoldingId) expect([h.viaHoldingId, h.endReason]).toEqual([car.holding.id, "DRIVER_ACCESS_ENDED"]);
        else expect([h.endedAt, h.endReason]).toEqual([null, null]);
      }
      // Nobody drives through an ended owner's holding, and the removal counted (and told) exactly who lost access.
      expect(await db.holding.count({ where: { vehicleId: car.vehicle.id, kind: "DRIVER", endedAt: null, viaHolding: { endedAt: { not: null } } } })).toBe(0);
      const endedWithOwner = await db.holding.count({ where: { viaHoldingId: car.holding.id, endReason: "DRIVER_ACCESS_ENDED" } });
      const removal = results[0] as PromiseFulfilledResult<{ driversEnded: number }>;
      expect(removal.value.driversEnded).toBe(endedWithOwner);
      const [mail] = (await outboxFor(owner.user.email)).filter((m) => m.template === "vehicle-removed");
      expect((mail!.payload as { drivers: number }).drivers).toBe(endedWithOwner);
    }
  });

  it("garages creating a passport while the invited buyer accepts: the car is owned or in one stock, never both", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dealer = await dealerStaff();
      const buyer = await ownerAccount();
      const sale = await invite(dealer, { email: buyer.user.email });
      const garages = await Promise.all(Array.from({ length: WAYS - 1 }, () => garageStaff()));

      const results = await Promise.allSettled([
        acceptInvitation({ actor: buyer.actor, token: sale.token }),
        ...garages.map((g) => createPassport({ actor: g.actor, garageId: g.garage.id, plate: randomNlPlate(), vin: sale.vin, make: "Porsche", model: "Taycan", modelYear: 2026 })),
      ]);

      const active = await db.holding.findMany({ where: { vehicleId: sale.vehicleId, endedAt: null } });
      expect(active).toHaveLength(1);
      const passports = await db.passport.findMany({ where: { vehicleId: sale.vehicleId } });
      const invitation = await db.invitation.findUniqueOrThrow({ where: { id: sale.invitationId } });
      const [accepted, ...created] = results.map(outcome);
      if (active[0]!.kind === "OWNER") {
        // The buyer won: no garage stocked the car.
        expect(accepted).toBe("ok");
        expect(created).toEqual(Array(WAYS - 1).fill("CONFLICT:vehicle_has_owner_passport"));
        expect(active[0]).toMatchObject({ userId: buyer.user.id, origin: "INVITATION" });
        expect(passports).toEqual([]);
        expect(invitation.status).toBe("ACCEPTED");
      } else {
        // One garage won: the acceptance was refused and changed nothing.
        expect(active[0]!.kind).toBe("STOCK");
        expect(accepted).toBe("CONFLICT:vehicle_taken");
        expect(created.filter((c) => c === "ok")).toHaveLength(1);
        expect(created.filter((c) => c !== "ok")).toEqual(Array(WAYS - 2).fill("CONFLICT:passport_exists"));
        expect(passports.map((p) => p.garageId)).toEqual([active[0]!.organisationId]);
        expect(invitation.status).toBe("PENDING");
        expect(await db.contract.count({ where: { invitationId: sale.invitationId, status: "PENDING" } })).toBe(2);
        expect(await outboxFor(buyer.user.email)).toHaveLength(1); // the invitation only
      }
    }
  });
});
