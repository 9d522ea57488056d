import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { disconnectHolding, relinkHolding } from "@/lib/linking/disconnect";
import { verifyAtDesk } from "@/lib/linking/verify-at-desk";
import { listDealerVehicles } from "@/lib/linking/queries";
import { getVehicleDossier, listGarage } from "@/lib/vehicles/queries";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { outboxFor } from "../factories";
import { dealerStaff, deskInput, expectAppError, ownerAccount } from "../factories/linking";

/** A car dealer A linked to an owner at the desk. */
async function linkedByDealer(locale?: "nl" | "en") {
  const dealer = await dealerStaff();
  const owner = await ownerAccount({ locale });
  const r = await verifyAtDesk(deskInput(dealer.actor, dealer.org.id, owner.user));
  return { dealer, owner, ...r };
}

describe("disconnectHolding and relinkHolding", () => {
  it("the dealer that linked a car disconnects it and re-links it to the same owner, with audit entries and an e-mail", async () => {
    const { dealer, owner, holdingId, vehicleId } = await linkedByDealer();

    await disconnectHolding({ actor: dealer.actor, holdingId });
    const disconnected = await db.holding.findUniqueOrThrow({ where: { id: holdingId } });
    expect(disconnected.disconnectedAt).not.toBeNull();
    expect(disconnected.endedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "vehicle.disconnected", entityId: holdingId, actorUserId: dealer.user.id, actorOrganisationId: dealer.org.id } })).toBe(1);
    expect((await listGarage(owner.actor)).find((v) => v.id === vehicleId)?.disconnected).toBe(true);
    expect((await getVehicleDossier(owner.actor, vehicleId))?.holding.disconnectedAt).not.toBeNull();
    await expectAppError(disconnectHolding({ actor: dealer.actor, holdingId }), "CONFLICT", "already_disconnected");

    await relinkHolding({ actor: dealer.actor, holdingId, identityChecked: true });
    const relinked = await db.holding.findUniqueOrThrow({ where: { id: holdingId } });
    expect(relinked).toMatchObject({ disconnectedAt: null, endedAt: null, userId: owner.user.id });
    const audit = await db.auditLog.findMany({ where: { action: "vehicle.relinked", entityId: holdingId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: dealer.user.id, actorOrganisationId: dealer.org.id, subjectUserId: owner.user.id, vehicleId, data: { identityChecked: true } });
    expect((await outboxFor(owner.user.email)).map((m) => m.template)).toEqual(["vehicle-linked-desk", "vehicle-disconnected", "vehicle-relinked"]);
    expect((await listGarage(owner.actor)).find((v) => v.id === vehicleId)?.disconnected).toBe(false);
    // The owner sees who did it in the car's history.
    expect((await getVehicleDossier(owner.actor, vehicleId))?.history.map((h) => h.action)).toEqual(expect.arrayContaining(["vehicle.relinked", "vehicle.disconnected"]));

    await expectAppError(relinkHolding({ actor: dealer.actor, holdingId, identityChecked: true }), "CONFLICT", "not_disconnected");
  });

  it("staff of another dealer can neither disconnect nor re-link it, nor see it in their list (NOT_FOUND; nothing changes)", async () => {
    const { dealer, owner, holdingId } = await linkedByDealer();
    const other = await dealerStaff("ADMIN");

    await expectAppError(disconnectHolding({ actor: other.actor, holdingId }), "NOT_FOUND");
    expect((await db.holding.findUniqueOrThrow({ where: { id: holdingId } })).disconnectedAt).toBeNull();

    await disconnectHolding({ actor: dealer.actor, holdingId });
    const at = (await db.holding.findUniqueOrThrow({ where: { id: holdingId } })).disconnectedAt;
    await expectAppError(relinkHolding({ actor: other.actor, holdingId, identityChecked: true }), "NOT_FOUND");
    expect((await db.holding.findUniqueOrThrow({ where: { id: holdingId } })).disconnectedAt).toEqual(at);

    // Nor can the owner themselves, through the staff use case.
    await expectAppError(relinkHolding({ actor: owner.actor, holdingId, identityChecked: true }), "NOT_FOUND");

    expect(await db.auditLog.count({ where: { entityId: holdingId, actorUserId: { in: [other.user.id, owner.user.id] } } })).toBe(0);
    // Only the rightful dealer's disconnect told the owner; the refused calls sent nothing.
    expect((await outboxFor(owner.user.email)).map((m) => m.template)).toEqual(["vehicle-linked-desk", "vehicle-disconnected"]);
    expect((await listDealerVehicles(other.actor)).map((h) => h.id)).not.toContain(holdingId);
    expect((await listDealerVehicles(dealer.actor)).map((h) => h.id)).toContain(holdingId);
  });

  it("re-linking needs staff's confirmation that they checked the owner's identity, in the use case too (VALIDATION; nothing changes)", async () => {
    const { dealer, owner, holdingId } = await linkedByDealer();
    await disconnectHolding({ actor: dealer.actor, holdingId });
    const at = (await db.holding.findUniqueOrThrow({ where: { id: holdingId } })).disconnectedAt;

    const e = await expectAppError(relinkHolding({ actor: dealer.actor, holdingId, identityChecked: false }), "VALIDATION", "confirm_required");
    expect(e.fieldErrors).toEqual({ identityChecked: ["confirm_required"] });
    // A caller that leaves the flag out (not the form) is refused the same way.
    await expectAppError(relinkHolding({ actor: dealer.actor, holdingId } as Parameters<typeof relinkHolding>[0]), "VALIDATION", "confirm_required");

    expect((await db.holding.findUniqueOrThrow({ where: { id: holdingId } })).disconnectedAt).toEqual(at);
    expect(await db.auditLog.count({ where: { action: "vehicle.relinked", entityId: holdingId } })).toBe(0);
    expect((await outboxFor(owner.user.email)).map((m) => m.template)).toEqual(["vehicle-linked-desk", "vehicle-disconnected"]);
    // Another tenant's link still reads as not found, whatever the flag.
    const other = await dealerStaff();
    await expectAppError(relinkHolding({ actor: other.actor, holdingId, identityChecked: false }), "NOT_FOUND");
  });

  for (const locale of ["nl", "en"] as const) {
    it(`disconnecting tells the owner by e-mail, in their language (${locale}), in the same transaction`, async () => {
      const { dealer, owner, holdingId, vehicleId } = await linkedByDealer(locale);
      await disconnectHolding({ actor: dealer.actor, holdingId });

      const mails = (await outboxFor(owner.user.email)).filter((m) => m.template === "vehicle-disconnected");
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        to: owner.user.email,
        locale,
        status: "PENDING",
        payload: { name: owner.user.firstName, car: "Porsche Cayenne", dealer: dealer.org.name, url: `${process.env.APP_URL}/${locale}/garage/vehicles/${vehicleId}` },
      });

      // A second disconnect is refused and sends nothing more.
      await expectAppError(disconnectHolding({ actor: dealer.actor, holdingId }), "CONFLICT", "already_disconnected");
      expect((await outboxFor(owner.user.email)).filter((m) => m.template === "vehicle-disconnected")).toHaveLength(1);
    });
  }

  it("of several disconnects at once (a double click, two staff), one changes the link and only it sends an e-mail", async () => {
    const { dealer, owner, holdingId } = await linkedByDealer();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => disconnectHolding({ actor: dealer.actor, holdingId })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", messageKey: "already_disconnected" });
    expect((await outboxFor(owner.user.email)).filter((m) => m.template === "vehicle-disconnected")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "vehicle.disconnected", entityId: holdingId } })).toBe(1);
  });

  it("an ended link cannot be disconnected or re-linked", async () => {
    const { dealer, owner, holdingId, vehicleId } = await linkedByDealer();
    await disconnectHolding({ actor: dealer.actor, holdingId });
    await removeVehicle({ actor: owner.actor, vehicleId, understood: true });
    await expectAppError(relinkHolding({ actor: dealer.actor, holdingId, identityChecked: true }), "NOT_FOUND");
    await expectAppError(disconnectHolding({ actor: dealer.actor, holdingId }), "NOT_FOUND");
    expect(await db.holding.findUniqueOrThrow({ where: { id: holdingId } })).toMatchObject({ endReason: "REMOVED" });
  });
});
