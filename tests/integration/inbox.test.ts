/**
 * The inbox (issue 13, point 6): a user lists and marks only their own messages; someone else's
 * message id reads as not found, for another owner, a driver of another car and staff alike; an
 * anonymous caller is refused. Pages are newest first; the unread count is the caller's own.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { leaveMessage } from "@/lib/messages/leave";
import { listMessages, unreadCount } from "@/lib/messages/queries";
import { markAllMessagesRead, markMessageRead } from "@/lib/messages/mark-read";
import { openMessageAction, markMessageReadAction, markAllMessagesReadAction } from "@/lib/messages/actions";
import { PAGE_SIZE } from "@/lib/messages/schemas";
import { transaction } from "@/lib/server/transaction";
import { actorFor, createUser } from "../factories";
import { ownedVehicle, ownerAccount } from "../factories/linking";
import { expectAppError } from "../factories/errors";
import { dealerStaff } from "../factories/linking";
import { callAction, signedIn } from "@/tests/support/request-scope";

async function leave(userId: string, over: Partial<Parameters<typeof leaveMessage>[1]> = {}) {
  return transaction((tx) => leaveMessage(tx, { userId, kind: "vehicle_linked", data: { car: "Porsche Taycan" }, link: "/garage", ...over }));
}

describe("the inbox", () => {
  it("lists the caller's own messages newest first, in pages, with the unread count", async () => {
    const { user, actor } = await ownerAccount();
    const other = await ownerAccount();
    await leave(other.user.id);
    const ids: string[] = [];
    for (let i = 0; i < PAGE_SIZE + 3; i++) {
      ids.push(await leave(user.id));
      // Distinct creation times, so "newest first" is tested on the time, with the id as tie-break.
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 3));
    }
    const first = await listMessages(actor);
    expect(first.messages).toHaveLength(PAGE_SIZE);
    expect(first.unread).toBe(PAGE_SIZE + 3);
    expect(await unreadCount(actor)).toBe(PAGE_SIZE + 3);
    const second = await listMessages(actor, { after: first.next! });
    expect(second.next).toBeNull();
    const all = [...first.messages, ...second.messages];
    expect(all.map((m) => m.id).sort()).toEqual([...ids].sort());
    const times = all.map((m) => m.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Another user's message id as the cursor starts from the top, never from their inbox.
    const otherId = (await db.message.findFirstOrThrow({ where: { userId: other.user.id } })).id;
    expect((await listMessages(actor, { after: otherId })).messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
  });

  it("marks one message read and returns its link; marks all; another user's message reads as not found", async () => {
    const car = await ownedVehicle();
    const owner = await actorFor(car.owner.id);
    const a = await leave(car.owner.id, { link: `/garage/vehicles/${car.vehicle.id}`, vehicleId: car.vehicle.id });
    const b = await leave(car.owner.id);
    const c = await leave(car.owner.id, { link: null });

    // Another owner, the driver of another owner's car, staff: not found, nothing changes.
    const otherCar = await ownedVehicle();
    const strangers = [await actorFor(otherCar.owner.id), await actorFor(otherCar.driverUser.id), (await dealerStaff("ADMIN")).actor, await actorFor((await createUser({ platformRole: "SUPPORT" })).id)];
    for (const s of strangers) {
      await expectAppError(markMessageRead({ actor: s, messageId: a }), "NOT_FOUND");
      expect(await markAllMessagesRead({ actor: s })).toEqual({ marked: 0 });
      expect((await listMessages(s)).messages.map((m) => m.id)).not.toContain(a);
    }
    // Even the driver of this very car does not read the owner's messages about it.
    await expectAppError(markMessageRead({ actor: await actorFor(car.driverUser.id), messageId: a }), "NOT_FOUND");
    expect(await db.message.count({ where: { userId: car.owner.id, readAt: null } })).toBe(3);

    expect(await markMessageRead({ actor: owner, messageId: a })).toEqual({ link: `/garage/vehicles/${car.vehicle.id}` });
    const readAt = (await db.message.findUniqueOrThrow({ where: { id: a } })).readAt;
    expect(readAt).not.toBeNull();
    // Again: already read, nothing written, the same link.
    expect(await markMessageRead({ actor: owner, messageId: a })).toEqual({ link: `/garage/vehicles/${car.vehicle.id}` });
    expect((await db.message.findUniqueOrThrow({ where: { id: a } })).readAt).toEqual(readAt);
    expect(await db.auditLog.count({ where: { action: "message.read", entityId: a } })).toBe(1);
    expect(await unreadCount(owner)).toBe(2);

    expect(await markMessageRead({ actor: owner, messageId: c })).toEqual({ link: null });
    expect(await markAllMessagesRead({ actor: owner })).toEqual({ marked: 1 });
    expect(await markAllMessagesRead({ actor: owner })).toEqual({ marked: 0 });
    expect(await unreadCount(owner)).toBe(0);
    expect((await db.message.findUniqueOrThrow({ where: { id: b } })).readAt).not.toBeNull();
  });

  it("through the actions: anonymous is refused, another owner gets not found, the owner opens and is sent to the link", async () => {
    const car = await ownedVehicle();
    const id = await leave(car.owner.id, { link: `/garage/vehicles/${car.vehicle.id}` });
    const anon = { address: "inbox-anon" };
    for (const fn of [openMessageAction, markMessageReadAction]) {
      expect(await callAction(anon, fn as never, { messageId: id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    }
    expect(await callAction(anon, markAllMessagesReadAction as never, {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const other = await signedIn((await ownedVehicle()).owner.id, { address: "inbox-other" });
    expect(await callAction(other, openMessageAction as never, { messageId: id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // An unknown field (someone else's user id) is refused, not ignored.
    expect(await callAction(other, markAllMessagesReadAction as never, { userId: car.owner.id })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await db.message.count({ where: { userId: car.owner.id, readAt: null } })).toBe(1);

    const owner = await signedIn(car.owner.id, { address: "inbox-owner" });
    const out = await callAction(owner, openMessageAction as never, { messageId: id });
    expect(out).toMatchObject({ ok: true, redirect: expect.stringMatching(new RegExp(`^/(nl|en)/garage/vehicles/${car.vehicle.id}$`)) });
    expect(await db.message.count({ where: { userId: car.owner.id, readAt: null } })).toBe(0);
  });

  it("keeps links inside the portal: leaving one that is not a portal path fails; a stored one is dropped when read", async () => {
    const { user, actor } = await ownerAccount();
    for (const link of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/garage/../../x", "garage"]) {
      await expect(leave(user.id, { link })).rejects.toThrow(/not a portal path/);
    }
    expect(await db.message.count({ where: { userId: user.id } })).toBe(0);
    // A row written by other means (a data fix): shown without its link, opened to the inbox.
    const bad = await db.message.create({ data: { userId: user.id, kind: "vehicle_linked", data: { car: "X", link: "https://evil.example/" } } });
    expect((await listMessages(actor)).messages[0]).toMatchObject({ id: bad.id, link: null, data: { car: "X" } });
    expect(await markMessageRead({ actor, messageId: bad.id })).toEqual({ link: null });
  });
});
