import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { resendActivation } from "@/lib/accounts/resend-activation";
import { activateAccount } from "@/lib/accounts/activate-account";
import { setUserStatus } from "@/lib/organisations/set-user-status";
import { searchUsers } from "@/lib/organisations/queries";
import { actorFor, createAuthToken, createMembership, createOrganisation, createUser, outboxFor, tokenFromPayload, uniqueAddress } from "../factories";

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

const platform = async (platformRole: "SUPPORT" | "ADMIN") => actorFor((await createUser({ platformRole })).id);

async function orgStaff(role: "ADMIN" | "MEMBER", kind: "DEALER" | "GARAGE" | "FLEET" = "DEALER") {
  const org = await createOrganisation(kind, kind === "FLEET" ? (await createOrganisation("GARAGE")).id : undefined);
  const user = await createUser();
  await createMembership(user.id, org.id, role);
  return { org, actor: await actorFor(user.id) };
}

const resentAudit = (userId: string) => db.auditLog.findMany({ where: { subjectUserId: userId, action: "user.activation_resent" } });

describe("resendActivation (the console's user list)", () => {
  for (const [role, recorded] of [
    ["SUPPORT", "support"],
    ["ADMIN", "admin"],
  ] as const) {
    it(`${role.toLowerCase()} sends a new link to a not-activated account, with an audit entry, and sets no password`, async () => {
      const actor = await platform(role);
      const user = await createUser({ status: "INVITED", password: null, locale: "en" });
      const { token: old } = await createAuthToken(user.id, "ACTIVATION");

      expect(await resendActivation({ actor, userId: user.id })).toEqual({ email: user.email });

      const mails = (await outboxFor(user.email)).filter((m) => m.template === "activation");
      expect(mails.map((m) => m.locale)).toEqual(["en"]);
      const audit = await resentAudit(user.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorUserId: actor.userId, actorRole: recorded, entityType: "User", entityId: user.id });
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after).toMatchObject({ status: "INVITED", passwordHash: null });

      // The earlier link is replaced; the new one asks for a password, since the account has none.
      await expectAppError(activateAccount({ token: old, password: "chosen-at-activation", address: uniqueAddress() }), "GONE", "link_expired");
      const token = tokenFromPayload(mails[0]!.payload);
      await expectAppError(activateAccount({ token, address: uniqueAddress() }), "VALIDATION", "password_needed");
      await activateAccount({ token, password: "chosen-at-activation", address: uniqueAddress() });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("ACTIVE");
    });
  }

  it("refuses an active or a disabled account (CONFLICT) and sends nothing", async () => {
    const actor = await platform("SUPPORT");
    for (const status of ["ACTIVE", "DISABLED"] as const) {
      const user = await createUser({ status });
      await expectAppError(resendActivation({ actor, userId: user.id }), "CONFLICT", "activation_not_pending");
      expect(await outboxFor(user.email)).toEqual([]);
      expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
      expect(await resentAudit(user.id)).toEqual([]);
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe(status);
    }
  });

  it("answers NOT_FOUND for an account that does not exist", async () => {
    await expectAppError(resendActivation({ actor: await platform("ADMIN"), userId: "no-such-user" }), "NOT_FOUND");
  });
});

describe("resendActivation and the user list: support and platform admins only", () => {
  it("an owner, dealer staff (member or admin), garage or fleet staff cannot resend (NOT_FOUND), nor list users", async () => {
    const dealerAdmin = await orgStaff("ADMIN");
    // Even a not-activated account on the dealer admin's own staff list is not theirs to send links to.
    const user = await createUser({ status: "INVITED" });
    await createMembership(user.id, dealerAdmin.org.id, "MEMBER");
    const actors = [
      await actorFor((await createUser()).id),
      dealerAdmin.actor,
      (await orgStaff("MEMBER")).actor,
      (await orgStaff("ADMIN", "GARAGE")).actor,
      (await orgStaff("MEMBER", "FLEET")).actor,
    ];
    for (const actor of actors) {
      await expectAppError(resendActivation({ actor, userId: user.id }), "NOT_FOUND");
      await expectAppError(searchUsers(actor, user.email), "NOT_FOUND");
    }
    expect(await outboxFor(user.email)).toEqual([]);
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await resentAudit(user.id)).toEqual([]);
  });

  it("support finds accounts in the list but cannot enable or disable them", async () => {
    const support = await platform("SUPPORT");
    const user = await createUser({ status: "INVITED" });
    expect((await searchUsers(support, user.email)).map((u) => [u.id, u.status])).toEqual([[user.id, "INVITED"]]);
    const active = await createUser();
    await expectAppError(setUserStatus({ actor: support, userId: active.id, status: "DISABLED" }), "NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: active.id } })).status).toBe("ACTIVE");
  });
});
