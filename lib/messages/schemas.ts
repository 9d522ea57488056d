import { z } from "zod";
import { Id } from "../server/fields";

/** One of the caller's messages (opened, or marked as read). */
export const MessageIdInput = z.object({ messageId: Id }).strict();

/** Mark all: nothing to choose, the caller's own inbox. */
export const MarkAllReadInput = z.object({}).strict();

/** The inbox page's cursor: the last message id of the page before. */
export const PAGE_SIZE = 20;
