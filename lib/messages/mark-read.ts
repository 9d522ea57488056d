/**
 * Marking the caller's own messages as read: one (opening it, or its button) or all of them.
 * Another user's message id reads as not found. Marking one that is already read changes nothing
 * and writes nothing; each change is audited.
 */
import type { Actor } from "../server/authz";
import { assertCan } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { internalPath } from "./link";

/** Marks one message read; returns its link (a portal path) for opening it. */
export async function markMessageRead(input: { actor: Actor; messageId: string; now?: Date }): Promise<{ link: string | null }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const m = await tx.message.findFirst({ where: { id: input.messageId, userId: input.actor.userId }, select: { id: true, data: true, readAt: true, vehicleId: true } });
    if (!m) throw new AppError("NOT_FOUND");
    const changed = await tx.message.updateMany({ where: { id: m.id, userId: input.actor.userId, readAt: null }, data: { readAt: now } });
    if (changed.count === 1) {
      await audit(tx, input.actor, "message.read", { entityType: "Message", entityId: m.id, subjectUserId: input.actor.userId });
    }
    const data = (m.data ?? {}) as Record<string, unknown>;
    return { link: internalPath(data.link) };
  });
}

/** Marks every unread message of the caller read; returns how many. */
export async function markAllMessagesRead(input: { actor: Actor; now?: Date }): Promise<{ marked: number }> {
  assertCan(input.actor, "garage:use");
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const changed = await tx.message.updateMany({ where: { userId: input.actor.userId, readAt: null }, data: { readAt: now } });
    if (changed.count > 0) {
      await audit(tx, input.actor, "message.all_read", { entityType: "User", entityId: input.actor.userId, subjectUserId: input.actor.userId, data: { count: changed.count } });
    }
    return { marked: changed.count };
  });
}
