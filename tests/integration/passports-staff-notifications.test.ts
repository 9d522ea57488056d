/**
 * "Transfer accepted/declined" goes to the garage's current staff: the member who confirmed the
 * transfer while they still are one, otherwise the garage's current admins (or, with none, its
 * current members). Checked on the outbox rows the use cases write.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { acceptTransfer } from "@/lib/passports/accept-transfer";
import { declineTransfer, declineTransferByToken } from "@/lib/passports/decline-transfer";
import { removeMember } from "@/lib/organisations/remove-member";
import { setUserStatus } from "@/lib/organisations/set-user-status";
import { actorFor, createMembership, createUser, outboxFor, uniqueEmail } from "../factories";
import { confirmTo, garageStaff, stockPassport, type Staff } from "../factories/passports";

const STAFF_TEMPLATES = ["passport-transfer-accepted", "passport-transfer-declined"];

/** A garage (its admin from garageStaff) with a second member, who confirms a transfer to a buyer with an account. */
async function transferConfirmedByMember() {
  const admin = await garageStaff();
  const memberUser = await createUser({ locale: "en" });
  const membership = await createMembership(memberUser.id, admin.garage.id, "MEMBER");
  const member: Staff = { ...admin, user: memberUser, actor: await actorFor(memberUser.id) };
  const { passportId } = await stockPassport(admin);
  const buyer = await createUser();
  const { transferId, token } = await confirmTo(member, passportId, buyer.email);
  return { admin, member, membership, buyer, passportId, transferId, token };
}

async function staffMails(email: string) {
  return (await outboxFor(email)).filter((m) => STAFF_TEMPLATES.includes(m.template));
}

describe("who hears that a transfer was accepted or declined", () => {
  it("the member who confirmed it, while still a member of the garage", async () => {
    const t = await transferConfirmedByMember();
    await acceptTransfer({ actor: await actorFor(t.buyer.id), transferId: t.transferId });
    const [mail, ...more] = await staffMails(t.member.user.email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ template: "passport-transfer-accepted", locale: "en", payload: expect.objectContaining({ name: t.member.user.firstName }) });
    expect(String((mail!.payload as { url: string }).url)).toMatch(new RegExp(`/en/console/passports/${t.passportId}$`));
    expect(await staffMails(t.admin.user.email)).toEqual([]);
  });

  it("not a former member: after they left the garage the garage's current admins are told of the acceptance", async () => {
    const t = await transferConfirmedByMember();
    const secondAdmin = await createUser();
    await createMembership(secondAdmin.id, t.admin.garage.id, "ADMIN");
    await removeMember({ actor: t.admin.actor, membershipId: t.membership.id });

    await acceptTransfer({ actor: await actorFor(t.buyer.id), transferId: t.transferId });
    expect(await staffMails(t.member.user.email)).toEqual([]);
    for (const admin of [t.admin.user, secondAdmin]) {
      const mails = await staffMails(admin.email);
      expect(mails.map((m) => [m.template, m.locale])).toEqual([["passport-transfer-accepted", "nl"]]);
      expect(String((mails[0]!.payload as { url: string }).url)).toMatch(new RegExp(`/nl/console/passports/${t.passportId}$`));
    }
  });

  it("not a former member: a decline after they left goes to the current admins", async () => {
    const t = await transferConfirmedByMember();
    await removeMember({ actor: t.admin.actor, membershipId: t.membership.id });
    await declineTransfer({ actor: await actorFor(t.buyer.id), transferId: t.transferId });
    expect(await staffMails(t.member.user.email)).toEqual([]);
    expect((await staffMails(t.admin.user.email)).map((m) => m.template)).toEqual(["passport-transfer-declined"]);
  });

  it("not a disabled account, even if its membership remains", async () => {
    const t = await transferConfirmedByMember();
    const platformAdmin = await actorFor((await createUser({ platformRole: "ADMIN" })).id);
    await setUserStatus({ actor: platformAdmin, userId: t.member.user.id, status: "DISABLED" });
    await declineTransfer({ actor: await actorFor(t.buyer.id), transferId: t.transferId });
    expect(await staffMails(t.member.user.email)).toEqual([]);
    expect((await staffMails(t.admin.user.email)).map((m) => m.template)).toEqual(["passport-transfer-declined"]);
  });

  it("not a member of another garage: the confirmer now working elsewhere is not told", async () => {
    const t = await transferConfirmedByMember();
    const elsewhere = await garageStaff();
    await createMembership(t.member.user.id, elsewhere.garage.id, "ADMIN");
    await removeMember({ actor: t.admin.actor, membershipId: t.membership.id });
    await acceptTransfer({ actor: await actorFor(t.buyer.id), transferId: t.transferId });
    expect(await staffMails(t.member.user.email)).toEqual([]);
    expect((await staffMails(t.admin.user.email)).map((m) => m.template)).toEqual(["passport-transfer-accepted"]);
  });

  it("a garage without admins left tells its current members; one without staff tells nobody", async () => {
    const t = await transferConfirmedByMember();
    const colleague = await createUser();
    await createMembership(colleague.id, t.admin.garage.id, "MEMBER");
    // The confirmer and the only admin both leave.
    await db.membership.deleteMany({ where: { organisationId: t.admin.garage.id, userId: { in: [t.member.user.id, t.admin.user.id] } } });
    await declineTransfer({ actor: await actorFor(t.buyer.id), transferId: t.transferId });
    expect(await staffMails(t.member.user.email)).toEqual([]);
    expect(await staffMails(t.admin.user.email)).toEqual([]);
    expect((await staffMails(colleague.email)).map((m) => m.template)).toEqual(["passport-transfer-declined"]);

    const u = await transferConfirmedByMember();
    await db.membership.deleteMany({ where: { organisationId: u.admin.garage.id } });
    await acceptTransfer({ actor: await actorFor(u.buyer.id), transferId: u.transferId });
    expect(await staffMails(u.member.user.email)).toEqual([]);
    expect(await staffMails(u.admin.user.email)).toEqual([]);
    // The buyer still gets theirs.
    expect((await outboxFor(u.buyer.email)).map((m) => m.template)).toContain("passport-transfer-completed");
  });

  it("a buyer without an account declining from the link: the same rule", async () => {
    const admin = await garageStaff();
    const memberUser = await createUser();
    const membership = await createMembership(memberUser.id, admin.garage.id, "MEMBER");
    const member: Staff = { ...admin, user: memberUser, actor: await actorFor(memberUser.id) };
    const { passportId } = await stockPassport(admin);
    const { token } = await confirmTo(member, passportId, uniqueEmail("newbuyer"));
    await removeMember({ actor: admin.actor, membershipId: membership.id });
    await declineTransferByToken({ token });
    expect(await staffMails(memberUser.email)).toEqual([]);
    expect((await staffMails(admin.user.email)).map((m) => m.template)).toEqual(["passport-transfer-declined"]);
  });
});
