/**
 * The signed-in user's inbox, read for pages. Every read is scoped to the caller's own rows
 * (`userId: actor.userId`): another user's message id reads as not found.
 */
import "server-only";
import { db } from "../server/db";
import type { Actor } from "../server/authz";
import { PAGE_SIZE } from "./schemas";
import { internalPath } from "./link";

export interface InboxMessage {
  id: string;
  kind: string;
  /** Parameters of the message's text (without the link). */
  data: Record<string, string | number | null>;
  /** The portal path it is about, if it has a valid one. */
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

function toMessage(row: { id: string; kind: string; data: unknown; readAt: Date | null; createdAt: Date }): InboxMessage {
  const raw = row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  const data: InboxMessage["data"] = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === "link") continue;
    if (typeof v === "string" || typeof v === "number" || v === null) data[k] = v;
  }
  return { id: row.id, kind: row.kind, data, link: internalPath(raw.link), readAt: row.readAt, createdAt: row.createdAt };
}

const SELECT = { id: true, kind: true, data: true, readAt: true, createdAt: true } as const;

/**
 * A page of the caller's messages, newest first, after the message `after` (the cursor: the last
 * one of the previous page; one that is not the caller's starts from the top).
 */
export async function listMessages(actor: Actor, opts: { after?: string } = {}): Promise<{ messages: InboxMessage[]; next: string | null; unread: number }> {
  const cursor = opts.after
    ? await db.message.findFirst({ where: { id: opts.after, userId: actor.userId }, select: { id: true, createdAt: true } })
    : null;
  const [rows, unread] = await Promise.all([
    db.message.findMany({
      where: {
        userId: actor.userId,
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE + 1,
      select: SELECT,
    }),
    unreadCount(actor),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  return { messages: page.map(toMessage), next: rows.length > PAGE_SIZE ? page[page.length - 1].id : null, unread };
}

/** The navigation's badge: one count on the (userId, readAt) index. */
export function unreadCount(actor: Actor): Promise<number> {
  return db.message.count({ where: { userId: actor.userId, readAt: null } });
}
