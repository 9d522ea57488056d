/**
 * Contracts the owner controls (issue 13, point 7): the owner, and only the owner, turns automatic
 * renewal on or off per active contract; the daily job tells the owner 30 days before the end
 * (once per term) and renews or ends each contract whose end has come, once, however often and
 * however concurrently it runs. Each e-mail comes with exactly one inbox message.
 */
import "@/tests/support/own-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { addDays, addMonths } from "@/lib/server/dates";
import { setContractRenewal } from "@/lib/contracts/set-renewal";
import { setContractRenewalAction } from "@/lib/contracts/actions";
import { nextEnd, runContracts } from "@/lib/contracts/run-contracts";
import { DAILY_JOBS } from "@/lib/jobs/registry";
import { actorFor, createUser, outboxFor } from "../factories";
import { dealerStaff, ownedVehicle } from "../factories/linking";
import { expectAppError } from "../factories/errors";
import { callAction, signedIn } from "@/tests/support/request-scope";

const HOUR = 3600_000;
const FAR = new Date("2099-01-01T00:00:00Z");

/** An owned car whose first active contract ends at `endsAt` (the other runs on for months). */
async function carEnding(endsAt: Date, autoRenew: boolean, linkedByOrganisationId: string | null = null) {
  const car = await ownedVehicle({ linkedByOrganisationId });
  const contract = await db.contract.update({ where: { id: car.active[0]!.id }, data: { endsAt, autoRenew } });
  // The car's other contract runs on long after every `now` of these tests.
  const other = await db.contract.update({ where: { id: car.active[1]!.id }, data: { endsAt: FAR } });
  return { ...car, contract, other };
}

const mails = async (email: string, template: string) => (await outboxFor(email)).filter((m) => m.template === template);
const messages = (userId: string, kind: string) => db.message.findMany({ where: { userId, kind } });

describe("turning automatic renewal on and off", () => {
  it("the owner turns it off and on for an active contract, audited", async () => {
    const car = await ownedVehicle();
    const owner = await actorFor(car.owner.id);
    const id = car.active[0]!.id;
    expect(await setContractRenewal({ actor: owner, contractId: id, autoRenew: false })).toEqual({ contractId: id, autoRenew: false });
    expect((await db.contract.findUniqueOrThrow({ where: { id } })).autoRenew).toBe(false);
    // The same again changes nothing and writes no audit row.
    await setContractRenewal({ actor: owner, contractId: id, autoRenew: false });
    await setContractRenewal({ actor: owner, contractId: id, autoRenew: true });
    expect((await db.contract.findUniqueOrThrow({ where: { id } })).autoRenew).toBe(true);
    const rows = await db.auditLog.findMany({ where: { action: "contract.renewal_changed", entityId: id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => [r.actorUserId, r.subjectUserId, r.vehicleId, (r.data as { autoRenew: boolean }).autoRenew])).toEqual([
      [car.owner.id, car.owner.id, car.vehicle.id, false],
      [car.owner.id, car.owner.id, car.vehicle.id, true],
    ]);
  });

  it("another owner, the car's driver, the dealer that linked it and support read it as not found; nothing changes", async () => {
    const dealer = await dealerStaff("ADMIN");
    const car = await ownedVehicle({ linkedByOrganisationId: dealer.org.id });
    const other = await ownedVehicle();
    const id = car.active[0]!.id;
    const callers = [await actorFor(other.owner.id), await actorFor(car.driverUser.id), await actorFor(other.driverUser.id), dealer.actor, await actorFor((await createUser({ platformRole: "SUPPORT" })).id)];
    for (const actor of callers) await expectAppError(setContractRenewal({ actor, contractId: id, autoRenew: false }), "NOT_FOUND");
    expect((await db.contract.findUniqueOrThrow({ where: { id } })).autoRenew).toBe(true);
    expect(await db.auditLog.count({ where: { action: "contract.renewal_changed", entityId: id } })).toBe(0);
  });

  it("a contract that is not active cannot be changed; a removed car's contracts read as not found", async () => {
    const car = await ownedVehicle();
    const owner = await actorFor(car.owner.id);
    await expectAppError(setContractRenewal({ actor: owner, contractId: car.expired.id, autoRenew: true }), "CONFLICT", "contract_not_active");
    await db.holding.update({ where: { id: car.driver.id }, data: { endedAt: new Date(), endReason: "DRIVER_ACCESS_ENDED" } });
    await db.holding.update({ where: { id: car.holding.id }, data: { endedAt: new Date(), endReason: "REMOVED" } });
    await expectAppError(setContractRenewal({ actor: owner, contractId: car.active[0]!.id, autoRenew: false }), "NOT_FOUND");
  });

  it("through the action: anonymous is refused, an unknown field is refused, the owner's form works", async () => {
    const car = await ownedVehicle();
    const id = car.active[0]!.id;
    expect(await callAction({ address: "renewal-anon" }, setContractRenewalAction as never, { contractId: id, autoRenew: "" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const owner = await signedIn(car.owner.id, { address: "renewal-owner" });
    expect(await callAction(owner, setContractRenewalAction as never, { contractId: id, autoRenew: "", holdingId: car.holding.id })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await callAction(owner, setContractRenewalAction as never, { contractId: id })).toMatchObject({ ok: true, data: { autoRenew: false } });
    expect(await callAction(owner, setContractRenewalAction as never, { contractId: id, autoRenew: "on" })).toMatchObject({ ok: true, data: { autoRenew: true } });
  });
});

describe("the daily contracts job", () => {
  it("is registered as a daily job", () => {
    expect(DAILY_JOBS.map((j) => j.name)).toContain("contracts");
  });

  it("tells the owner 30 days before the end, from exactly 30 days, once; says whether it renews", async () => {
    const now = new Date("2027-03-10T09:00:00Z");
    const atEdge = await carEnding(addDays(now, 30), true);
    const justAfter = await carEnding(new Date(addDays(now, 30).getTime() + 1000), false);
    const inside = await carEnding(addDays(now, 3), false);

    await runContracts(now);
    await runContracts(now);

    for (const [car, renews] of [[atEdge, "yes"], [inside, "no"]] as const) {
      const sent = await mails(car.owner.email, "contract-ending");
      expect(sent).toHaveLength(1);
      expect(sent[0]!.payload).toMatchObject({ renews: renews === "yes", car: "Porsche Macan", url: expect.stringContaining(`/garage/vehicles/${car.vehicle.id}`) });
      const m = await messages(car.owner.id, "contract_ending");
      expect(m).toHaveLength(1);
      expect(m[0]).toMatchObject({ vehicleId: car.vehicle.id, readAt: null, data: expect.objectContaining({ renews, product: "CONNECT", link: `/garage/vehicles/${car.vehicle.id}` }) });
      expect((await db.contract.findUniqueOrThrow({ where: { id: car.contract.id } })).endingNoticeSentAt).toEqual(now);
    }
    // One second more than 30 days: not yet; its day comes with the next run.
    expect(await mails(justAfter.owner.email, "contract-ending")).toHaveLength(0);
    expect(await messages(justAfter.owner.id, "contract_ending")).toHaveLength(0);
    await runContracts(new Date(now.getTime() + 2000));
    await runContracts(new Date(now.getTime() + HOUR));
    expect(await mails(justAfter.owner.email, "contract-ending")).toHaveLength(1);
    expect(await mails(atEdge.owner.email, "contract-ending")).toHaveLength(1);
  });

  it("renews a contract whose renewal is on, once, and notices the next term again", async () => {
    const now = new Date("2027-05-01T06:00:00Z");
    const oldEnd = new Date(now.getTime() - HOUR);
    const car = await carEnding(oldEnd, true);
    await db.contract.update({ where: { id: car.contract.id }, data: { endingNoticeSentAt: addDays(oldEnd, -30) } });

    expect(await runContracts(now)).toMatchObject({ renewed: expect.any(Number) });
    const again = await runContracts(now);
    await runContracts(new Date(now.getTime() + 5 * HOUR));

    const c = await db.contract.findUniqueOrThrow({ where: { id: car.contract.id } });
    expect(c).toMatchObject({ status: "ACTIVE", endsAt: addMonths(oldEnd, 12), endingNoticeSentAt: null, autoRenew: true });
    expect(again.renewed).toBe(0);
    expect(await mails(car.owner.email, "contract-renewed")).toHaveLength(1);
    const m = await messages(car.owner.id, "contract_renewed");
    expect(m).toHaveLength(1);
    expect(m[0]!.data).toMatchObject({ endsAt: addMonths(oldEnd, 12).toISOString(), months: 12 });
    expect(await db.auditLog.count({ where: { action: "contract.renewed", entityId: c.id } })).toBe(1);
    // The other contract of the car (months to go) and the expired one are untouched.
    expect(await db.contract.findUniqueOrThrow({ where: { id: car.active[1]!.id } })).toMatchObject({ status: "ACTIVE", endsAt: FAR });
    expect(await db.contract.findUniqueOrThrow({ where: { id: car.expired.id } })).toMatchObject({ status: "EXPIRED", endsAt: car.expired.endsAt });
    // 30 days before the new end, the owner is told again (a new term).
    await runContracts(addDays(addMonths(oldEnd, 12), -30));
    expect(await mails(car.owner.email, "contract-ending")).toHaveLength(1);
  });

  it("ends a contract whose renewal is off, once", async () => {
    const now = new Date("2027-06-01T06:00:00Z");
    const car = await carEnding(now, false);
    await runContracts(now);
    const second = await runContracts(now);
    expect(second.ended).toBe(0);
    expect(await db.contract.findUniqueOrThrow({ where: { id: car.contract.id } })).toMatchObject({ status: "EXPIRED", endsAt: now });
    expect(await mails(car.owner.email, "contract-ended")).toHaveLength(1);
    expect(await messages(car.owner.id, "contract_ended")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "contract.expired", entityId: car.contract.id } })).toBe(1);
  });

  it("never touches contracts that are not active (pending, cancelled at removal, expired)", async () => {
    const now = new Date("2027-07-01T06:00:00Z");
    const cars = await Promise.all([1, 2, 3].map(() => carEnding(new Date(now.getTime() - HOUR), true)));
    const statuses = ["PENDING", "CANCELLED", "EXPIRED"] as const;
    for (const [i, car] of cars.entries()) await db.contract.update({ where: { id: car.contract.id }, data: { status: statuses[i] } });
    const soon = await carEnding(addDays(now, 10), false);
    await db.contract.update({ where: { id: soon.contract.id }, data: { status: "CANCELLED" } });
    const before = await db.contract.findMany({ where: { id: { in: [...cars, soon].map((c) => c.contract.id) } }, orderBy: { id: "asc" } });
    await runContracts(now);
    expect(await db.contract.findMany({ where: { id: { in: [...cars, soon].map((c) => c.contract.id) } }, orderBy: { id: "asc" } })).toEqual(before);
    for (const car of [...cars, soon]) expect(await db.message.count({ where: { userId: car.owner.id } })).toBe(0);
  });

  it("run concurrently, acts once per contract", async () => {
    const now = new Date("2027-08-01T06:00:00Z");
    // Earlier tests' cars (contracts ending months after today) are settled first: this run counts only its own.
    await runContracts(now);
    const renewing = await carEnding(new Date(now.getTime() - HOUR), true);
    const ending = await carEnding(new Date(now.getTime() - 2 * HOUR), false);
    const noticed = await carEnding(addDays(now, 20), true);
    const runs = await Promise.all([runContracts(now), runContracts(now), runContracts(now), runContracts(now)]);
    const total = runs.reduce((a, r) => ({ notices: a.notices + r.notices, renewed: a.renewed + r.renewed, ended: a.ended + r.ended, failed: a.failed + r.failed }), { notices: 0, renewed: 0, ended: 0, failed: 0 });
    expect(total).toEqual({ notices: 1, renewed: 1, ended: 1, failed: 0 });
    expect(await mails(renewing.owner.email, "contract-renewed")).toHaveLength(1);
    expect(await messages(renewing.owner.id, "contract_renewed")).toHaveLength(1);
    expect((await db.contract.findUniqueOrThrow({ where: { id: renewing.contract.id } })).endsAt).toEqual(addMonths(renewing.contract.endsAt!, 12));
    expect(await mails(ending.owner.email, "contract-ended")).toHaveLength(1);
    expect(await messages(ending.owner.id, "contract_ended")).toHaveLength(1);
    expect(await mails(noticed.owner.email, "contract-ending")).toHaveLength(1);
    expect(await messages(noticed.owner.id, "contract_ending")).toHaveLength(1);
  });

  it("a renewal the job missed for more than a term moves the end past now, once", () => {
    const end = new Date("2026-01-31T10:00:00Z");
    expect(nextEnd(end, 1, new Date("2026-02-01T00:00:00Z"))).toEqual(addMonths(end, 1));
    expect(nextEnd(end, 1, new Date("2026-04-15T00:00:00Z"))).toEqual(addMonths(addMonths(addMonths(end, 1), 1), 1));
  });
});
