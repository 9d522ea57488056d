/**
 * An organisation that has an administrator keeps one: its only administrator cannot remove or
 * demote themselves (nor be removed or demoted by a platform admin), and two administrators
 * demoting or removing each other at the same moment leave one administrator, never none. The
 * races run truly concurrently on PostgreSQL (each change takes the organisation's row lock).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { removeMember } from "@/lib/organisations/remove-member";
import { setMemberRole } from "@/lib/organisations/set-member-role";
import { actorFor, createMembership, createOrganisation, createUser } from "../factories";
import { expectAppError } from "../factories/linking";

const ROUNDS = 5;

/** A fresh organisation with `admins` administrators and one plain member, as actors. */
async function organisation(admins: number) {
  const org = await createOrganisation("DEALER");
  const people = [];
  for (let i = 0; i < admins; i++) {
    const user = await createUser();
    const membership = await createMembership(user.id, org.id, "ADMIN");
    people.push({ user, membership, actor: await actorFor(user.id) });
  }
  const memberUser = await createUser();
  const member = await createMembership(memberUser.id, org.id, "MEMBER");
  return { org, admins: people, member };
}

const adminsOf = (organisationId: string) => db.membership.count({ where: { organisationId, role: "ADMIN" } });
const auditCount = (entityId: string) => db.auditLog.count({ where: { entityType: "Membership", entityId, action: { in: ["membership.removed", "membership.role_changed"] } } });

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? `${r.reason.code}:${r.reason.messageKey}` : `unexpected: ${String(r.reason)}`;

describe("the only administrator of an organisation", () => {
  it("cannot remove themselves (CONFLICT last_admin; nothing changes, nothing audited)", async () => {
    const { org, admins: [a] } = await organisation(1);
    await expectAppError(removeMember({ actor: a!.actor, membershipId: a!.membership.id }), "CONFLICT", "last_admin");
    expect(await db.membership.findUnique({ where: { id: a!.membership.id } })).toMatchObject({ role: "ADMIN" });
    expect(await adminsOf(org.id)).toBe(1);
    expect(await auditCount(a!.membership.id)).toBe(0);
  });

  it("cannot demote themselves to member (CONFLICT last_admin; nothing changes, nothing audited)", async () => {
    const { org, admins: [a] } = await organisation(1);
    await expectAppError(setMemberRole({ actor: a!.actor, membershipId: a!.membership.id, role: "MEMBER" }), "CONFLICT", "last_admin");
    expect(await db.membership.findUniqueOrThrow({ where: { id: a!.membership.id } })).toMatchObject({ role: "ADMIN" });
    expect(await adminsOf(org.id)).toBe(1);
    expect(await auditCount(a!.membership.id)).toBe(0);
    // Setting the role they already have is no demotion.
    await setMemberRole({ actor: a!.actor, membershipId: a!.membership.id, role: "ADMIN" });
    expect(await adminsOf(org.id)).toBe(1);
  });

  it("can step down once another member is administrator", async () => {
    const { org, admins: [a], member } = await organisation(1);
    await setMemberRole({ actor: a!.actor, membershipId: member.id, role: "ADMIN" });
    await setMemberRole({ actor: a!.actor, membershipId: a!.membership.id, role: "MEMBER" });
    expect(await adminsOf(org.id)).toBe(1);
    expect((await db.membership.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("ADMIN");
    // Plain members may still be removed, and an administrator may leave while another remains.
    const { admins: [b, c] } = await organisation(2);
    await removeMember({ actor: b!.actor, membershipId: b!.membership.id });
    expect(await db.membership.findUnique({ where: { id: b!.membership.id } })).toBeNull();
    await expectAppError(removeMember({ actor: c!.actor, membershipId: c!.membership.id }), "CONFLICT", "last_admin");
  });

  it("is kept even by a platform admin, who makes someone else administrator first", async () => {
    const { org, admins: [a], member } = await organisation(1);
    const platform = await actorFor((await createUser({ platformRole: "ADMIN" })).id);
    await expectAppError(removeMember({ actor: platform, membershipId: a!.membership.id }), "CONFLICT", "last_admin");
    await expectAppError(setMemberRole({ actor: platform, membershipId: a!.membership.id, role: "MEMBER" }), "CONFLICT", "last_admin");
    expect(await adminsOf(org.id)).toBe(1);
    await setMemberRole({ actor: platform, membershipId: member.id, role: "ADMIN" });
    await removeMember({ actor: platform, membershipId: a!.membership.id });
    expect(await db.membership.findMany({ where: { organisationId: org.id }, select: { id: true, role: true } })).toEqual([{ id: member.id, role: "ADMIN" }]);
  });

  it("the rule is per organisation: being admin elsewhere does not count", async () => {
    const { org, admins: [a] } = await organisation(1);
    const other = await createOrganisation("GARAGE");
    await createMembership(a!.user.id, other.id, "ADMIN");
    const actor = await actorFor(a!.user.id);
    await expectAppError(setMemberRole({ actor, membershipId: a!.membership.id, role: "MEMBER" }), "CONFLICT", "last_admin");
    expect(await adminsOf(org.id)).toBe(1);
  });
});

describe("two administrators at the same moment", () => {
  it("demoting each other: one change wins, the organisation keeps exactly one administrator", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { org, admins: [a, b] } = await organisation(2);
      const results = await Promise.allSettled([
        setMemberRole({ actor: a!.actor, membershipId: b!.membership.id, role: "MEMBER" }),
        setMemberRole({ actor: b!.actor, membershipId: a!.membership.id, role: "MEMBER" }),
      ]);
      const outcomes = results.map(outcome);
      expect(outcomes.filter((o) => o === "ok"), outcomes.join(", ")).toHaveLength(1);
      // The loser was demoted before its turn (NOT_FOUND: no longer administrator) and its change is refused.
      expect(outcomes.filter((o) => o !== "ok")[0]).toMatch(/^(NOT_FOUND:codes\.NOT_FOUND|CONFLICT:last_admin)$/);
      expect(await adminsOf(org.id)).toBe(1);
      expect(await db.auditLog.count({ where: { entityId: { in: [a!.membership.id, b!.membership.id] }, action: "membership.role_changed" } })).toBe(1);
    }
  });

  it("each demoting themselves: one steps down, the other stays administrator", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { org, admins: [a, b] } = await organisation(2);
      const results = await Promise.allSettled([
        setMemberRole({ actor: a!.actor, membershipId: a!.membership.id, role: "MEMBER" }),
        setMemberRole({ actor: b!.actor, membershipId: b!.membership.id, role: "MEMBER" }),
      ]);
      expect(results.map(outcome).sort()).toEqual(["CONFLICT:last_admin", "ok"]);
      expect(await adminsOf(org.id)).toBe(1);
    }
  });

  it("removing each other (or themselves) at once: the organisation keeps an administrator", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { org, admins: [a, b] } = await organisation(2);
      const results = await Promise.allSettled([
        removeMember({ actor: a!.actor, membershipId: b!.membership.id }),
        removeMember({ actor: b!.actor, membershipId: a!.membership.id }),
        removeMember({ actor: a!.actor, membershipId: a!.membership.id }),
        setMemberRole({ actor: b!.actor, membershipId: b!.membership.id, role: "MEMBER" }),
      ]);
      const outcomes = results.map(outcome);
      expect(outcomes.every((o) => !o.startsWith("unexpected")), outcomes.join(", ")).toBe(true);
      expect(outcomes.filter((o) => o === "ok").length, outcomes.join(", ")).toBeGreaterThanOrEqual(1);
      expect(await adminsOf(org.id)).toBe(1);
    }
  });
});
