/**
 * The shared bottom layer (lib/server): database errors recognised by code on the real database,
 * the transaction helper waking the mail sender only after a commit that queued e-mail, and the
 * audit log recording each actor's true role.
 */
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { isSerializationFailure, isUniqueViolation } from "@/lib/server/db-errors";
import { transaction } from "@/lib/server/transaction";
import { enqueueEmail } from "@/lib/server/mail/outbox";
import { onMailQueued } from "@/lib/server/mail/notify";
import { addMember } from "@/lib/organisations/add-member";
import { setMemberRole } from "@/lib/organisations/set-member-role";
import { removeMember } from "@/lib/organisations/remove-member";
import { changePassword } from "@/lib/accounts/change-password";
import { signOutEverywhere } from "@/lib/accounts/sign-out";
import { actorFor, createMembership, createOrganisation, createUser, PASSWORD, uniqueEmail } from "../factories";

afterEach(() => onMailQueued(() => {}));

describe("database errors by code", () => {
  it("a duplicate e-mail address is a unique violation, and not a serialization failure", async () => {
    const email = uniqueEmail();
    await createUser({ email });
    const e = await createUser({ email }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).not.toBeNull();
    expect(isUniqueViolation(e)).toBe(true);
    expect(isSerializationFailure(e)).toBe(false);
  });

  it("inside a transaction too, and any other database error is neither", async () => {
    const email = uniqueEmail();
    await createUser({ email });
    const dup = await transaction((tx) => tx.user.create({ data: { email, firstName: "A", lastName: "B", locale: "nl" } })).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isUniqueViolation(dup)).toBe(true);
    // A foreign key violation (23503) is not a unique violation.
    const fk = await db.membership.create({ data: { userId: "no-such-user", organisationId: "no-such-org", role: "MEMBER" } }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(fk).not.toBeNull();
    expect(isUniqueViolation(fk)).toBe(false);
    expect(isSerializationFailure(fk)).toBe(false);
  });

  it("never by message text: an error that only says 'duplicate key' is not one", () => {
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint "User_email_key"'))).toBe(false);
    expect(isSerializationFailure(new Error("could not serialize access due to concurrent update"))).toBe(false);
  });
});

describe("transaction()", () => {
  it("wakes the mail sender after a commit that queued an e-mail, once", async () => {
    let woken = 0;
    onMailQueued(() => woken++);
    const user = await createUser();
    await transaction(async (tx) => {
      await enqueueEmail(tx, { to: user.email, locale: "nl", template: "password-changed", payload: { name: "A" } });
      expect(woken).toBe(0); // not before the commit
    });
    expect(woken).toBe(1);
  });

  it("does not wake it for a change without e-mail, nor for one that rolled back", async () => {
    let woken = 0;
    onMailQueued(() => woken++);
    const user = await createUser();
    await transaction((tx) => tx.user.update({ where: { id: user.id }, data: { firstName: "B" } }));
    await transaction(async (tx) => {
      await enqueueEmail(tx, { to: user.email, locale: "nl", template: "password-changed", payload: { name: "A" } });
      throw new Error("roll back");
    }).catch(() => {});
    expect(woken).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });
});

describe("audit roles", () => {
  it("an organisation's own admin managing members is recorded with that organisation's role, not as platform admin", async () => {
    const org = await createOrganisation("GARAGE");
    const admin = await createUser();
    await createMembership(admin.id, org.id, "ADMIN");
    const actor = await actorFor(admin.id);
    const newcomer = await createUser();
    const m = await addMember({ actor, organisationId: org.id, email: newcomer.email, role: "MEMBER" });
    await setMemberRole({ actor, membershipId: m.id, role: "ADMIN" });
    await removeMember({ actor, membershipId: m.id });
    const rows = await db.auditLog.findMany({ where: { entityType: "Membership", entityId: m.id }, select: { action: true, actorRole: true, actorOrganisationId: true } });
    expect(rows.map((r) => r.action).sort()).toEqual(["membership.added", "membership.removed", "membership.role_changed"]);
    for (const r of rows) expect(r).toMatchObject({ actorRole: "garage:admin", actorOrganisationId: org.id });
  });

  it("a platform admin managing members is recorded as admin", async () => {
    const org = await createOrganisation("DEALER");
    const actor = await actorFor((await createUser({ platformRole: "ADMIN" })).id);
    const m = await addMember({ actor, organisationId: org.id, email: (await createUser()).email, role: "MEMBER" });
    const row = await db.auditLog.findFirstOrThrow({ where: { entityId: m.id, action: "membership.added" } });
    expect(row.actorRole).toBe("admin");
  });

  it("a staff member's own password change and sign-out everywhere are recorded as staff, an owner's as owner", async () => {
    const org = await createOrganisation("DEALER");
    const staff = await createUser();
    await createMembership(staff.id, org.id, "MEMBER");
    const owner = await createUser();
    for (const user of [staff, owner]) {
      const actor = await actorFor(user.id);
      await changePassword({ actor, currentPassword: PASSWORD, password: "another-long-password-1" });
      await signOutEverywhere({ actor });
    }
    const roleOf = async (userId: string, action: string) => (await db.auditLog.findFirstOrThrow({ where: { actorUserId: userId, action } })).actorRole;
    expect(await roleOf(staff.id, "account.password_changed")).toBe("staff");
    expect(await roleOf(staff.id, "account.signed_out_everywhere")).toBe("staff");
    expect(await roleOf(owner.id, "account.password_changed")).toBe("owner");
    expect(await roleOf(owner.id, "account.signed_out_everywhere")).toBe("owner");
  });
});
