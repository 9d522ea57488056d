import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashingStats, verifyPassword } from "@/lib/server/password";
import { env } from "@/lib/server/env";
import { signUp } from "@/lib/accounts/sign-up";
import { activateAccount } from "@/lib/accounts/activate-account";
import { verifyCredentials } from "@/lib/accounts/verify-credentials";
import { acceptInvitation, acceptInvitationWithNewAccount } from "@/lib/linking/accept-invitation";
import { getInvitationByToken } from "@/lib/linking/queries";
import { getVehicleDossier, listGarage } from "@/lib/vehicles/queries";
import { actorFor, createUser, outboxFor, tokenFromPayload, uniqueAddress, uniqueEmail } from "../factories";
import { dealerStaff, expectAppError, invite } from "../factories/linking";

/** Asserts the invitation is untouched: PENDING, no holding on the car, its contracts PENDING. */
async function expectUnchanged(inv: Awaited<ReturnType<typeof invite>>) {
  expect(await db.invitation.findUniqueOrThrow({ where: { id: inv.invitationId } })).toMatchObject({ status: "PENDING", acceptedAt: null, acceptedById: null });
  expect(await db.contract.findMany({ where: { invitationId: inv.invitationId }, select: { status: true, holdingId: true } })).toEqual([
    { status: "PENDING", holdingId: null },
    { status: "PENDING", holdingId: null },
  ]);
  expect(await db.auditLog.count({ where: { action: "invitation.accepted", vehicleId: inv.vehicleId } })).toBe(0);
}

describe("acceptInvitation", () => {
  it("the invited user accepts: owner holding, contracts ACTIVE with their dates, audit entry and e-mail", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const buyer = await actorFor((await createUser({ email: inv.email, locale: "en" })).id);

    const before = Date.now();
    expect(await acceptInvitation({ actor: buyer, token: inv.token })).toEqual({ vehicleId: inv.vehicleId });

    const holding = await db.holding.findFirstOrThrow({ where: { vehicleId: inv.vehicleId } });
    expect(holding).toMatchObject({ kind: "OWNER", userId: buyer.userId, origin: "INVITATION", linkedByOrganisationId: dealer.org.id, endedAt: null });
    const contracts = await db.contract.findMany({ where: { invitationId: inv.invitationId }, orderBy: { product: "asc" } });
    for (const c of contracts) {
      expect(c).toMatchObject({ status: "ACTIVE", holdingId: holding.id });
      expect(c.startsAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
    const connect = contracts.find((c) => c.product === "CONNECT")!;
    expect(connect.endsAt!.getUTCFullYear() - connect.startsAt!.getUTCFullYear()).toBe(3);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: inv.invitationId } })).toMatchObject({ status: "ACCEPTED", acceptedById: buyer.userId });
    expect(await db.auditLog.count({ where: { action: "invitation.accepted", entityId: holding.id, subjectUserId: buyer.userId } })).toBe(1);
    expect((await outboxFor(inv.email)).map((m) => m.template)).toEqual(["invitation", "vehicle-linked"]);

    const garage = await listGarage(buyer);
    expect(garage.map((v) => [v.vin, v.activeContracts])).toEqual([[inv.vin, 2]]);

    // Single use.
    await expectAppError(acceptInvitation({ actor: buyer, token: inv.token }), "GONE", "invitation_used");
    expect((await getInvitationByToken(inv.token))?.state).toBe("accepted");
  });

  it("the acceptance is audited with the inviting dealer and its staff member's role: the owner's car page says the owner accepted and the dealer invited", async () => {
    const dealer = await dealerStaff("ADMIN");
    const inv = await invite(dealer);
    const buyer = await actorFor((await createUser({ email: inv.email })).id);
    await acceptInvitation({ actor: buyer, token: inv.token });

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "invitation.accepted", vehicleId: inv.vehicleId } });
    expect(entry).toMatchObject({ actorUserId: buyer.userId, actorOrganisationId: dealer.org.id, subjectUserId: buyer.userId });
    expect(entry.data).toMatchObject({ invitationId: inv.invitationId, linkedBy: dealer.org.id, linkedByRole: "dealer:admin" });
    const dossier = await getVehicleDossier(buyer, inv.vehicleId);
    // The buyer acted ("You"), the dealer invited: not "accepted by the dealer's administrator".
    expect(dossier?.history.map((h) => [h.action, h.byYou, h.organisation, h.invitedBy])).toEqual([
      ["invitation.accepted", true, null, { organisation: dealer.org.name, role: "dealer:admin" }],
    ]);

    // A new account accepting names the inviting member's role too.
    const member = await dealerStaff("MEMBER");
    const inv2 = await invite(member);
    const r = await acceptInvitationWithNewAccount({ address: uniqueAddress(), token: inv2.token, firstName: "Nina", lastName: "Nieuw", password: "a-long-password-8", locale: "nl" });
    const newOwner = await actorFor((await db.user.findUniqueOrThrow({ where: { email: r.email } })).id);
    expect((await getVehicleDossier(newOwner, inv2.vehicleId))?.history.map((h) => [h.action, h.byYou, h.organisation, h.invitedBy])).toEqual([
      ["invitation.accepted", true, null, { organisation: member.org.name, role: "dealer:member" }],
    ]);
  });

  it("20 truly concurrent accepts by the invited user give exactly one owner holding and start the contracts once", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const buyer = await actorFor((await createUser({ email: inv.email })).id);

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => acceptInvitation({ actor: buyer, token: inv.token })));

    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const r of rejected) {
      expect(r.reason, String(r.reason)).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe("GONE");
    }

    const holdings = await db.holding.findMany({ where: { vehicleId: inv.vehicleId } });
    expect(holdings).toHaveLength(1);
    expect(holdings[0]).toMatchObject({ kind: "OWNER", userId: buyer.userId, endedAt: null });
    const contracts = await db.contract.findMany({ where: { vehicleId: inv.vehicleId } });
    expect(contracts).toHaveLength(2);
    for (const c of contracts) expect(c).toMatchObject({ status: "ACTIVE", holdingId: holdings[0].id });
    expect(await db.auditLog.count({ where: { action: "invitation.accepted", vehicleId: inv.vehicleId } })).toBe(1);
    expect((await outboxFor(inv.email)).filter((m) => m.template === "vehicle-linked")).toHaveLength(1);
  });

  it("a different signed-in user is refused (CONFLICT invitation_other_account) and nothing changes", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    await createUser({ email: inv.email });
    const intruder = await actorFor((await createUser()).id);

    await expectAppError(acceptInvitation({ actor: intruder, token: inv.token }), "CONFLICT", "invitation_other_account");

    await expectUnchanged(inv);
    expect(await db.holding.count({ where: { vehicleId: inv.vehicleId } })).toBe(0);
    expect(await outboxFor(intruder.email)).toHaveLength(0);
    expect((await getInvitationByToken(inv.token))?.state).toBe("sent");
  });

  it("an expired invitation is GONE and nothing changes", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const buyer = await actorFor((await createUser({ email: inv.email })).id);
    await db.invitation.update({ where: { id: inv.invitationId }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    await expectAppError(acceptInvitation({ actor: buyer, token: inv.token }), "GONE", "invitation_expired");
    await expectAppError(
      acceptInvitationWithNewAccount({ address: uniqueAddress(), token: inv.token, firstName: "Eva", lastName: "Jansen", password: "a-long-password-1", locale: "nl" }),
      "GONE",
      "invitation_expired",
    );

    await expectUnchanged(inv);
    expect(await db.holding.count({ where: { vehicleId: inv.vehicleId } })).toBe(0);
    expect((await getInvitationByToken(inv.token))?.state).toBe("expired");
  });

  it("a car that got an owner in the meantime gives a clean CONFLICT; the transaction rolls back and the invitation stays PENDING", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const buyer = await actorFor((await createUser({ email: inv.email })).id);
    const other = await createUser();
    const othersHolding = await db.holding.create({ data: { vehicleId: inv.vehicleId, kind: "OWNER", userId: other.id, origin: "DEALER_VERIFIED" } });

    expect((await getInvitationByToken(inv.token))?.state).toBe("taken");
    await expectAppError(acceptInvitation({ actor: buyer, token: inv.token }), "CONFLICT", "invitation_car_has_owner");

    await expectUnchanged(inv);
    expect(await db.holding.findMany({ where: { vehicleId: inv.vehicleId }, select: { id: true } })).toEqual([{ id: othersHolding.id }]);
    expect((await outboxFor(inv.email)).map((m) => m.template)).toEqual(["invitation"]);
  });

  it("an unknown token is NOT_FOUND", async () => {
    const buyer = await actorFor((await createUser()).id);
    await expectAppError(acceptInvitation({ actor: buyer, token: "x".repeat(43) }), "NOT_FOUND", "invitation_invalid");
  });
});

describe("acceptInvitationWithNewAccount", () => {
  it("creates an ACTIVE user for the invited address (the link proved it) and the owner holding", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);

    const r = await acceptInvitationWithNewAccount({ address: uniqueAddress(), token: inv.token, firstName: "Eva", lastName: "Jansen", password: "a-long-password-1", locale: "en" });

    expect(r).toEqual({ vehicleId: inv.vehicleId, email: inv.email });
    const user = await db.user.findUniqueOrThrow({ where: { email: inv.email } });
    expect(user).toMatchObject({ status: "ACTIVE", firstName: "Eva", lastName: "Jansen", locale: "en", platformRole: "NONE" });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword("a-long-password-1", user.passwordHash!)).toBe(true);

    const holding = await db.holding.findFirstOrThrow({ where: { vehicleId: inv.vehicleId, endedAt: null } });
    expect(holding).toMatchObject({ kind: "OWNER", userId: user.id, origin: "INVITATION", linkedByOrganisationId: dealer.org.id });
    expect(await db.contract.count({ where: { invitationId: inv.invitationId, status: "ACTIVE", holdingId: holding.id } })).toBe(2);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: inv.invitationId } })).toMatchObject({ status: "ACCEPTED", acceptedById: user.id });
    const linked = (await outboxFor(inv.email)).filter((m) => m.template === "vehicle-linked");
    expect(linked).toHaveLength(1);
    expect(linked[0].locale).toBe("en");

    await expectAppError(
      acceptInvitationWithNewAccount({ address: uniqueAddress(), token: inv.token, firstName: "Eva", lastName: "Jansen", password: "another-password-2", locale: "en" }),
      "GONE",
      "invitation_used",
    );
    expect(await verifyPassword("a-long-password-1", (await db.user.findUniqueOrThrow({ where: { email: inv.email } })).passwordHash!)).toBe(true);
  });

  it("5 truly concurrent sign-ups from the same invitation give exactly one account and one holding", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);

    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => acceptInvitationWithNewAccount({ address: uniqueAddress(), token: inv.token, firstName: `Eva${i}`, lastName: "Jansen", password: "a-long-password-1", locale: "nl" })),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason, String(r.reason)).toBeInstanceOf(AppError);
      // Whoever lost is told the invitation was used or the account exists, never that the car has another owner.
      expect(["invitation_used", "invitation_sign_in_instead"]).toContain((r.reason as AppError).messageKey);
    }
    expect(await db.user.count({ where: { email: inv.email } })).toBe(1);
    const user = await db.user.findUniqueOrThrow({ where: { email: inv.email } });
    expect(await db.holding.findMany({ where: { vehicleId: inv.vehicleId }, select: { userId: true } })).toEqual([{ userId: user.id }]);
    expect(await db.contract.count({ where: { invitationId: inv.invitationId, status: "ACTIVE" } })).toBe(2);
  });

  it("refuses when the address already has an active account (sign in instead), changing nothing", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const existing = await createUser({ email: inv.email });

    await expectAppError(
      acceptInvitationWithNewAccount({ address: uniqueAddress(), token: inv.token, firstName: "Mallory", lastName: "X", password: "a-long-password-1", locale: "nl" }),
      "CONFLICT",
      "invitation_sign_in_instead",
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ firstName: "Test", passwordHash: existing.passwordHash });
    await expectUnchanged(inv);
  });
});

/** Security review, issue 11: a stranger's sign-up for the invited address, and limits before hashing. */
describe("acceptInvitationWithNewAccount and a stranger's sign-up", () => {
  const STRANGER = "the-strangers-password";

  it("a sign-up before the invitation: the invitation withdraws its link; accepting sets the buyer's own password", async () => {
    const dealer = await dealerStaff();
    const email = uniqueEmail("buyer");
    await signUp({ address: uniqueAddress(), email, firstName: "Eve", lastName: "Stranger", password: STRANGER, locale: "en" });
    const strangersLink = tokenFromPayload((await outboxFor(email)).find((m) => m.template === "activation")!.payload);

    const inv = await invite(dealer, { email });
    await expectAppError(activateAccount({ address: uniqueAddress(), token: strangersLink }), "GONE", "link_expired");
    await acceptInvitationWithNewAccount({ address: uniqueAddress(), token: inv.token, firstName: "Eva", lastName: "Jansen", password: "a-long-password-1", locale: "nl" });

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ status: "ACTIVE", firstName: "Eva" });
    expect(await verifyPassword(STRANGER, user.passwordHash)).toBe(false);
    await expectAppError(verifyCredentials({ email, password: STRANGER, address: uniqueAddress() }), "UNAUTHENTICATED");
    expect((await verifyCredentials({ email, password: "a-long-password-1", address: uniqueAddress() })).userId).toBe(user.id);
  });

  it("is limited per client address before the invitation is read or a password hashed; an active account is told to sign in without hashing", async () => {
    const dealer = await dealerStaff();
    const inv = await invite(dealer);
    const address = uniqueAddress();
    const start = hashingStats().derivations;
    const form = { firstName: "Eva", lastName: "Jansen", password: "a-long-password-1", locale: "nl" as const };
    for (let i = 0; i < env.RATE_LIMIT_FORMS_PER_ADDRESS; i++) {
      await expectAppError(acceptInvitationWithNewAccount({ ...form, address, token: `unknown-invitation-${i}-${"x".repeat(30)}` }), "NOT_FOUND", "invitation_invalid");
    }
    await expectAppError(acceptInvitationWithNewAccount({ ...form, address, token: inv.token }), "RATE_LIMITED");
    expect(hashingStats().derivations).toBe(start);
    expect(await db.user.count({ where: { email: inv.email } })).toBe(0);
    await expectUnchanged(inv);

    const other = await invite(dealer);
    await createUser({ email: other.email });
    await expectAppError(acceptInvitationWithNewAccount({ ...form, address: uniqueAddress(), token: other.token }), "CONFLICT", "invitation_sign_in_instead");
    expect(hashingStats().derivations).toBe(start);
  });
});
