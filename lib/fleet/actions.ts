"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { answerUnlink } from "./answer-unlink";
import { requestUnlink } from "./request-unlink";
import { AnswerUnlinkInput, RequestUnlinkInput } from "./schemas";

export const requestUnlinkAction = action(RequestUnlinkInput, async (input, { actor }) => {
  const r = await requestUnlink({ actor, ...input });
  revalidatePath(`/[locale]/console/fleet/${input.passportId}`, "page");
  return r;
});

export const answerUnlinkAction = action(AnswerUnlinkInput, async (input, { actor }) => {
  const r = await answerUnlink({ actor, ...input });
  revalidatePath("/[locale]/console/unlink-requests", "page");
  return r;
});
