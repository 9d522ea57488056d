import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { acceptTransfer, acceptTransferWithNewAccount } from "@/lib/passports/accept-transfer";
import { cancelTransfer } from "@/lib/passports/cancel-transfer";
import { confirmTransfer } from "@/lib/passports/confirm-transfer";
import { updatePassport } from "@/lib/passports/update-passport";
import { actorFor, createMembership, createUser, outboxFor, uniqueAddress, uniqueEmail } from "../factories";
import { confirmTo, garageStaff, stockPassport } from "../factories/passports";

const settledErrors = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason instanceof AppError ? `${r.reason.code}:${r.reason.messageKey}` : String(r.reason)));

describe("concurrent transfers of one passport", () => {
  it("two staff confirming transfers to different buyers at the same time: exactly one transfer", async () => {
    for (let round = 0; round < 5; round++) {
      const staff = await garageStaff();
      const colleague = await createUser();
      await createMembership(colleague.id, staff.garage.id, "MEMBER");
      const colleagueActor = await actorFor(colleague.id);
      const { passportId } = await stockPassport(staff);
      const [a, b] = [uniqueEmail("buyer-a"), uniqueEmail("buyer-b")];

      const results = await Promise.allSettled([
        confirmTransfer({ actor: staff.actor, passportId, name: "Anna A", email: a, locale: "nl" }),
        confirmTransfer({ actor: colleagueActor, passportId, name: "Bert B", email: b, locale: "nl" }),
      ]);

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(settledErrors(results)).toEqual(["CONFLICT:transfer_pending"]);
      const transfers = await db.passportTransfer.findMany({ where: { passportId } });
      expect(transfers).toHaveLength(1);
      expect(transfers[0]!.status).toBe("PENDING");
      const winner = transfers[0]!.email;
      const loser = winner === a ? b : a;
      // The loser's transaction rolled back entirely: no account, no e-mail, contact details of the winner.
      expect(await db.user.count({ where: { email: loser } })).toBe(0);
      expect(await outboxFor(loser)).toHaveLength(0);
      expect(await outboxFor(winner)).toHaveLength(1);
      expect((await db.passport.findUniqueOrThrow({ where: { id: passportId } })).contactEmail).toBe(winner);
    }
  });

  it("accepting while the garage cancels: exactly one of them wins, and the car is in one place", async () => {
    for (let round = 0; round < 3; round++) {
      const staff = await garageStaff();
      const { passportId, vehicleId } = await stockPassport(staff);
      const { token } = await confirmTo(staff, passportId);
      const results = await Promise.allSettled([
        acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: "a-new-buyer-passphrase" }),
        cancelTransfer({ actor: staff.actor, passportId }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [transfer] = await db.passportTransfer.findMany({ where: { passportId } });
      const active = await db.holding.findMany({ where: { vehicleId, endedAt: null } });
      if (transfer!.status === "ACCEPTED") expect(active.map((h) => h.kind)).toEqual(["OWNER"]);
      else {
        expect(transfer!.status).toBe("CANCELLED");
        expect(active.map((h) => h.kind)).toEqual(["STOCK"]);
      }
    }
  });

  it("one link used twice at once makes one owner", async () => {
    const staff = await garageStaff();
    const { passportId, vehicleId } = await stockPassport(staff);
    const { token } = await confirmTo(staff, passportId);
    const results = await Promise.allSettled([
      acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: "a-new-buyer-passphrase" }),
      acceptTransferWithNewAccount({ address: uniqueAddress(), token, password: "another-passphrase-2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(settledErrors(results)[0]).toMatch(/^(GONE:transfer_used|CONFLICT:transfer_sign_in_instead)$/);
    expect(await db.holding.count({ where: { vehicleId, kind: "OWNER", endedAt: null } })).toBe(1);
  });

  it("staff putting the car back in stock while the buyer accepts: the car its buyer holds is never in stock", async () => {
    for (let round = 0; round < 4; round++) {
      const staff = await garageStaff();
      const { passportId } = await stockPassport(staff);
      await updatePassport({ actor: staff.actor, passportId, status: "SOLD", notes: "" });
      const buyer = await createUser();
      const buyerActor = await actorFor(buyer.id);
      const { transferId } = await confirmTo(staff, passportId, buyer.email);
      const results = await Promise.allSettled([
        acceptTransfer({ actor: buyerActor, transferId }),
        updatePassport({ actor: staff.actor, passportId, status: "IN_STOCK", notes: "" }),
      ]);
      expect(results[0]!.status).toBe("fulfilled");
      // Either the status was saved first and the acceptance made it SOLD, or it was refused.
      expect(settledErrors(results)).toEqual(results[1]!.status === "rejected" ? ["CONFLICT:status_after_sale"] : []);
      expect((await db.passport.findUniqueOrThrow({ where: { id: passportId } })).status).toBe("SOLD");
    }
  });
});
