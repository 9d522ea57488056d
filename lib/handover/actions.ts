"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { AppError } from "../server/errors";
import { signInAfterActivation } from "../accounts/next-auth";
import { startHandover } from "./start-handover";
import { withdrawHandover } from "./withdraw-handover";
import { acceptHandover, acceptHandoverWithNewAccount } from "./accept-handover";
import { declineHandover, declineHandoverByToken } from "./decline-handover";
import { undoHandover } from "./undo-handover";
import { supportUndoHandover } from "./support-undo-handover";
import { AcceptHandoverWithNewAccountInput, HandoverIdInput, HandoverTokenInput, StartHandoverInput, SupportUndoHandoverInput } from "./schemas";

export const startHandoverAction = action(
  StartHandoverInput,
  async (input, { actor }) => {
    const r = await startHandover({ actor, ...input });
    revalidatePath(`/[locale]/garage/vehicles/${input.vehicleId}`, "page");
    return { handoverId: r.handoverId };
  },
  { redirectTo: (r, { locale }) => `/${locale}/garage/handovers/${r.handoverId}?started=1` },
);

export const withdrawHandoverAction = action(HandoverIdInput, async (input, { actor }) => {
  const r = await withdrawHandover({ actor, handoverId: input.handoverId });
  revalidatePath(`/[locale]/garage/handovers/${input.handoverId}`, "page");
  return r;
});

export const undoHandoverAction = action(
  HandoverIdInput,
  async (input, { actor }) => {
    const r = await undoHandover({ actor, handoverId: input.handoverId });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?handover=undone` },
);

export const acceptHandoverAction = action(
  HandoverTokenInput,
  async (input, { actor }) => {
    const r = await acceptHandover({ actor, token: input.token });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (_r, { locale }) => `/${locale}/garage?handover=accepted` },
);

/** The signed-in buyer accepts from the handover's page in their garage (the inbox message's link). */
export const acceptOfferedHandoverAction = action(
  HandoverIdInput,
  async (input, { actor }) => {
    const r = await acceptHandover({ actor, handoverId: input.handoverId });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (_r, { locale }) => `/${locale}/garage?handover=accepted` },
);

export const declineOfferedHandoverAction = action(HandoverIdInput, async (input, { actor }) => {
  const r = await declineHandover({ actor, handoverId: input.handoverId });
  revalidatePath(`/[locale]/garage/handovers/${input.handoverId}`, "page");
  return r;
});

/** Support undoes an accepted handover after the seller's own 48 hours, with a reason. */
export const supportUndoHandoverAction = action(
  SupportUndoHandoverInput,
  async (input, { actor }) => {
    const r = await supportUndoHandover({ actor, handoverId: input.handoverId, reason: input.reason });
    revalidatePath("/[locale]/console/handovers", "layout");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/handovers/${r.handoverId}?undone=1` },
);

export const acceptHandoverWithNewAccountAction = action(
  AcceptHandoverWithNewAccountInput,
  async (input, { actor, address }) => {
    if (actor) throw new AppError("CONFLICT", "invitation_signed_in");
    const r = await acceptHandoverWithNewAccount({ ...input, address });
    await signInAfterActivation(r.email, input.password);
    return { vehicleId: r.vehicleId };
  },
  { anonymous: true, redirectTo: (_r, { locale }) => `/${locale}/garage?handover=accepted` },
);

export const declineHandoverAction = action(
  HandoverTokenInput,
  async (input, { actor }) => {
    if (actor) return declineHandover({ actor, token: input.token });
    return declineHandoverByToken({ token: input.token });
  },
  { anonymous: true },
);
