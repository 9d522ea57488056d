"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { markAllMessagesRead, markMessageRead } from "./mark-read";
import { MarkAllReadInput, MessageIdInput } from "./schemas";

/**
 * The unread count in the navigation of the garage's and the console's pages. Never the whole
 * `/[locale]` layout: that would regenerate the prerendered signed-out pages at run time, and
 * their CSP lists the hashes of the build's scripts (docs/decisions/0041).
 */
function refreshNavigation() {
  revalidatePath("/[locale]/(owner)", "layout");
  revalidatePath("/[locale]/(console)", "layout");
}

/** Opens a message: marks it read and goes to what it is about (its inbox when it links nowhere). */
export const openMessageAction = action(
  MessageIdInput,
  async (input, { actor }) => {
    const r = await markMessageRead({ actor, messageId: input.messageId });
    refreshNavigation();
    return r;
  },
  { redirectTo: (d, { locale }) => `/${locale}${d.link ?? "/messages"}` },
);

export const markMessageReadAction = action(MessageIdInput, async (input, { actor }) => {
  await markMessageRead({ actor, messageId: input.messageId });
  refreshNavigation();
  return { messageId: input.messageId };
});

export const markAllMessagesReadAction = action(MarkAllReadInput, async (_input, { actor }) => {
  const r = await markAllMessagesRead({ actor });
  refreshNavigation();
  return r;
});
