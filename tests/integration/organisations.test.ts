import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { createOrganisation as createOrganisationUseCase } from "@/lib/organisations/create-organisation";
import { addMember } from "@/lib/organisations/add-member";
import { removeMember } from "@/lib/organisations/remove-member";
import { setMemberRole } from "@/lib/organisations/set-member-role";
import { setUserStatus } from "@/lib/organisations/set-user-status";
import { getOrganisation } from "@/lib/organisations/queries";
import { verifyCredentials } from "@/lib/accounts/verify-credentials";
import { actorFor, createMembership, createOrganisation, createSession, createUser, outboxFor, PASSWORD, uniqueAddress, uniqueEmail, uid } from "../factories";

async function expectAppError(p: Promise<unknown>, code: AppError["code"], messageKey?: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (messageKey) expect((e as AppError).messageKey).toBe(messageKey);
  return e as AppError;
}

const admin = async () => actorFor((await createUser({ platformRole: "ADMIN" })).id);

/** A user who is an ADMIN (or MEMBER) of a fresh organisation, as an actor. */
async function orgStaff(role: "ADMIN" | "MEMBER", kind: "DEALER" | "GARAGE" = "DEALER") {
  const org = await createOrganisation(kind);
  const user = await createUser();
  await createMembership(user.id, org.id, role);
  return { org, user, actor: await actorFor(user.id) };
}

describe("createOrganisation", () => {
  it("a platform admin creates dealers and garages, with an audit entry", async () => {
    const actor = await admin();
    const name = `Dealer ${uid()}`;
    const dealer = await createOrganisationUseCase({ actor, name, kind: "DEALER", city: "Utrecht", country: "NL" });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: dealer.id } })).toMatchObject({ name, kind: "DEALER", city: "Utrecht", country: "NL", parentId: null });
    expect(await db.auditLog.count({ where: { entityType: "Organisation", entityId: dealer.id, action: "organisation.created", actorUserId: actor.userId } })).toBe(1);

    const garage = await createOrganisationUseCase({ actor, name: `Garage ${uid()}`, kind: "GARAGE", country: "BE" });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: garage.id } })).kind).toBe("GARAGE");
  });

  it("is refused (NOT_FOUND) to anyone but a platform admin", async () => {
    const name = `Nope ${uid()}`;
    const { actor: orgAdmin } = await orgStaff("ADMIN");
    const support = await actorFor((await createUser({ platformRole: "SUPPORT" })).id);
    for (const actor of [orgAdmin, support, await actorFor((await createUser()).id)]) {
      await expectAppError(createOrganisationUseCase({ actor, name, kind: "DEALER", country: "NL" }), "NOT_FOUND");
    }
    expect(await db.organisation.count({ where: { name } })).toBe(0);
  });

  it("a FLEET needs a GARAGE parent", async () => {
    const actor = await admin();
    const name = `Fleet ${uid()}`;
    const dealer = await createOrganisation("DEALER");
    const garage = await createOrganisation("GARAGE");

    await expectAppError(createOrganisationUseCase({ actor, name, kind: "FLEET", country: "NL" }), "VALIDATION", "fleet_needs_garage");
    const e = await expectAppError(createOrganisationUseCase({ actor, name, kind: "FLEET", parentId: dealer.id, country: "NL" }), "VALIDATION", "fleet_needs_garage");
    expect(e.fieldErrors).toEqual({ parentId: ["fleet_needs_garage"] });
    await expectAppError(createOrganisationUseCase({ actor, name, kind: "FLEET", parentId: "no-such-organisation", country: "NL" }), "VALIDATION");
    expect(await db.organisation.count({ where: { name } })).toBe(0);

    const fleet = await createOrganisationUseCase({ actor, name, kind: "FLEET", parentId: garage.id, country: "NL" });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: fleet.id } })).toMatchObject({ kind: "FLEET", parentId: garage.id });
  });

  it("only a FLEET keeps a parent", async () => {
    const actor = await admin();
    const garage = await createOrganisation("GARAGE");
    const dealer = await createOrganisationUseCase({ actor, name: `Dealer ${uid()}`, kind: "DEALER", parentId: garage.id, country: "NL" });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: dealer.id } })).parentId).toBeNull();
  });
});

describe("addMember", () => {
  it("adds an existing active account, with an audit entry and an e-mail", async () => {
    const actor = await admin();
    const org = await createOrganisation("GARAGE");
    const user = await createUser({ locale: "en" });

    const m = await addMember({ actor, organisationId: org.id, email: user.email, role: "ADMIN" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ userId: user.id, organisationId: org.id, role: "ADMIN" });
    expect(await db.auditLog.count({ where: { entityType: "Membership", entityId: m.id, action: "membership.added" } })).toBe(1);
    const mails = await outboxFor(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "member-added", locale: "en", payload: { name: "Test", organisation: org.name, url: `${process.env.APP_URL}/en/console` } });
  });

  it("needs an existing, active account", async () => {
    const actor = await admin();
    const org = await createOrganisation("DEALER");
    const invited = await createUser({ status: "INVITED" });
    const disabled = await createUser({ status: "DISABLED" });
    for (const email of [uniqueEmail("nobody"), invited.email, disabled.email]) {
      const e = await expectAppError(addMember({ actor, organisationId: org.id, email, role: "MEMBER" }), "VALIDATION", "member_needs_account");
      expect(e.fieldErrors).toEqual({ email: ["member_needs_account"] });
    }
    expect(await db.membership.count({ where: { organisationId: org.id } })).toBe(0);
    expect(await outboxFor(invited.email)).toEqual([]);
  });

  it("refuses a duplicate membership (CONFLICT) and keeps the first", async () => {
    const actor = await admin();
    const org = await createOrganisation("DEALER");
    const user = await createUser();
    await addMember({ actor, organisationId: org.id, email: user.email, role: "MEMBER" });
    await expectAppError(addMember({ actor, organisationId: org.id, email: user.email, role: "ADMIN" }), "CONFLICT", "already_member");
    const ms = await db.membership.findMany({ where: { organisationId: org.id, userId: user.id } });
    expect(ms.map((m) => m.role)).toEqual(["MEMBER"]);
    expect(await outboxFor(user.email)).toHaveLength(1);
  });

  it("an organisation's own admin manages its members", async () => {
    const { org, actor } = await orgStaff("ADMIN");
    const user = await createUser();
    const m = await addMember({ actor, organisationId: org.id, email: user.email, role: "MEMBER" });
    await setMemberRole({ actor, membershipId: m.id, role: "ADMIN" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).role).toBe("ADMIN");
    await removeMember({ actor, membershipId: m.id });
    expect(await db.membership.findUnique({ where: { id: m.id } })).toBeNull();
  });
});

describe("members across organisations (cross-tenant)", () => {
  it("an admin of organisation A can neither see nor change the members of organisation B", async () => {
    const a = await orgStaff("ADMIN");
    const b = await orgStaff("ADMIN", "GARAGE");
    const outsider = await createUser();
    const bMembership = await db.membership.findFirstOrThrow({ where: { organisationId: b.org.id, userId: b.user.id } });

    await expectAppError(addMember({ actor: a.actor, organisationId: b.org.id, email: outsider.email, role: "ADMIN" }), "NOT_FOUND");
    await expectAppError(removeMember({ actor: a.actor, membershipId: bMembership.id }), "NOT_FOUND");
    await expectAppError(setMemberRole({ actor: a.actor, membershipId: bMembership.id, role: "MEMBER" }), "NOT_FOUND");
    expect(await getOrganisation(a.actor, b.org.id)).toBeNull();

    expect(await db.membership.count({ where: { userId: outsider.id } })).toBe(0);
    expect(await db.membership.findUniqueOrThrow({ where: { id: bMembership.id } })).toMatchObject({ role: "ADMIN" });
    expect(await outboxFor(outsider.email)).toEqual([]);
    // Their own organisation they do see.
    expect((await getOrganisation(a.actor, a.org.id))?.memberships.map((m) => m.user.id)).toEqual([a.user.id]);
  });

  it("being admin of A and member of B does not make one admin of B", async () => {
    const a = await orgStaff("ADMIN");
    const b = await createOrganisation("DEALER");
    await createMembership(a.user.id, b.id, "MEMBER");
    const actor = await actorFor(a.user.id);
    await expectAppError(addMember({ actor, organisationId: b.id, email: (await createUser()).email, role: "MEMBER" }), "NOT_FOUND");
    expect(await db.membership.count({ where: { organisationId: b.id } })).toBe(1);
  });

  it("a plain member cannot manage members, not even of their own organisation", async () => {
    const { org, user, actor } = await orgStaff("MEMBER");
    const colleague = await createUser();
    const colleagueMembership = await createMembership(colleague.id, org.id, "MEMBER");
    const own = await db.membership.findFirstOrThrow({ where: { organisationId: org.id, userId: user.id } });

    await expectAppError(addMember({ actor, organisationId: org.id, email: (await createUser()).email, role: "MEMBER" }), "NOT_FOUND");
    await expectAppError(removeMember({ actor, membershipId: colleagueMembership.id }), "NOT_FOUND");
    await expectAppError(setMemberRole({ actor, membershipId: own.id, role: "ADMIN" }), "NOT_FOUND");
    expect(await getOrganisation(actor, org.id)).toBeNull();
    expect((await db.membership.findMany({ where: { organisationId: org.id } })).map((m) => m.role).sort()).toEqual(["MEMBER", "MEMBER"]);
  });
});

describe("setUserStatus", () => {
  it("disabling a user ends all their sessions and stops them signing in", async () => {
    const actor = await admin();
    const user = await createUser();
    await Promise.all([createSession(user.id), createSession(user.id)]);
    const bystander = await createUser();
    const bystanderSession = await createSession(bystander.id);

    await setUserStatus({ actor, userId: user.id, status: "DISABLED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("DISABLED");
    expect(await db.authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(2);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: bystanderSession.id } })).revokedAt).toBeNull();
    await expectAppError(verifyCredentials({ email: user.email, password: PASSWORD, address: uniqueAddress() }), "UNAUTHENTICATED");

    await setUserStatus({ actor, userId: user.id, status: "ACTIVE" });
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, address: uniqueAddress() })).userId).toBe(user.id);
  });

  it("an admin cannot disable themselves", async () => {
    const actor = await admin();
    const session = await createSession(actor.userId);
    await expectAppError(setUserStatus({ actor, userId: actor.userId, status: "DISABLED" }), "CONFLICT", "cannot_disable_self");
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).status).toBe("ACTIVE");
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
  });

  it("is for platform admins only: an organisation admin cannot disable their own member", async () => {
    const { org, actor } = await orgStaff("ADMIN");
    const member = await createUser();
    await createMembership(member.id, org.id, "MEMBER");
    await expectAppError(setUserStatus({ actor, userId: member.id, status: "DISABLED" }), "NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("ACTIVE");
  });

  it("cannot enable an account that never set a password", async () => {
    const actor = await admin();
    const user = await createUser({ status: "INVITED", password: null });
    await expectAppError(setUserStatus({ actor, userId: user.id, status: "ACTIVE" }), "CONFLICT", "user_not_activated");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("INVITED");
  });
});
