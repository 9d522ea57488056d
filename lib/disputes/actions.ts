"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { contestDispute } from "./contest-dispute";
import { decideDispute } from "./decide-dispute";
import { releaseDispute } from "./release-dispute";
import { ContestInput, DecideInput, DisputeIdInput } from "./schemas";

export const releaseDisputeAction = action(
  DisputeIdInput,
  async (input, { actor }) => {
    const r = await releaseDispute({ actor, disputeId: input.disputeId });
    revalidatePath("/[locale]/garage", "layout");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/garage/disputes/${r.disputeId}?answered=released` },
);

export const contestDisputeAction = action(
  ContestInput,
  async (input, { actor }) => {
    const r = await contestDispute({ actor, ...input });
    revalidatePath("/[locale]/garage", "layout");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/garage/disputes/${r.disputeId}?answered=contested` },
);

export const decideDisputeAction = action(
  DecideInput,
  async (input, { actor }) => {
    const r = await decideDispute({ actor, ...input });
    revalidatePath("/[locale]/console/verifications", "layout");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/verifications/disputes/${r.disputeId}?decided=${r.winner}` },
);
