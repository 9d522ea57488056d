"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { markAllMessagesRead, markMessageRead } from "./mark-read";
import { MarkAllReadInput, MessageIdInput } from "./schemas";

/** Opens a message: marks it read and goes to what it is about (its inbox when it links nowhere). */
export const openMessageAction = action(
  MessageIdInput,
  async (input, { actor }) => {
    const r = await markMessageRead({ actor, messageId: input.messageId });
    revalidatePath("/[locale]", "layout");
    return r;
  },
  { redirectTo: (d, { locale }) => `/${locale}${d.link ?? "/messages"}` },
);

export const markMessageReadAction = action(MessageIdInput, async (input, { actor }) => {
  await markMessageRead({ actor, messageId: input.messageId });
  revalidatePath("/[locale]", "layout");
  return { messageId: input.messageId };
});

export const markAllMessagesReadAction = action(MarkAllReadInput, async (_input, { actor }) => {
  const r = await markAllMessagesRead({ actor });
  revalidatePath("/[locale]", "layout");
  return r;
});
