"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { AppError } from "../server/errors";
import { signInAfterActivation } from "../accounts/next-auth";
import { acceptDriverInvitation, acceptDriverInvitationWithNewAccount } from "./accept-driver-invitation";
import { leaveCar, revokeDriver, revokeDriverInvitation } from "./end-driver";
import { inviteDriver } from "./invite-driver";
import { AcceptDriverInvitationInput, AcceptDriverWithNewAccountInput, InviteDriverInput, LeaveCarInput, RevokeDriverInput, RevokeDriverInvitationInput } from "./schemas";

const carPage = (vehicleId: string) => revalidatePath(`/[locale]/garage/vehicles/${vehicleId}`, "page");

export const inviteDriverAction = action(InviteDriverInput, async (input, { actor }) => {
  const r = await inviteDriver({ actor, ...input });
  carPage(input.vehicleId);
  return r;
});

export const revokeDriverAction = action(RevokeDriverInput, async (input, { actor }) => {
  const r = await revokeDriver({ actor, driverId: input.driverId });
  carPage(r.vehicleId);
  return r;
});

export const revokeDriverInvitationAction = action(RevokeDriverInvitationInput, async (input, { actor }) => {
  const r = await revokeDriverInvitation({ actor, invitationId: input.invitationId });
  carPage(r.vehicleId);
  return r;
});

export const leaveCarAction = action(
  LeaveCarInput,
  async (input, { actor }) => {
    const r = await leaveCar({ actor, vehicleId: input.vehicleId });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (_r, { locale }) => `/${locale}/garage?left=1` },
);

export const acceptDriverInvitationAction = action(
  AcceptDriverInvitationInput,
  async (input, { actor }) => acceptDriverInvitation({ actor, token: input.token }),
  { redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?driving=1` },
);

export const acceptDriverWithNewAccountAction = action(
  AcceptDriverWithNewAccountInput,
  async (input, { actor, address }) => {
    if (actor) throw new AppError("CONFLICT", "invitation_signed_in");
    const r = await acceptDriverInvitationWithNewAccount({ ...input, address });
    await signInAfterActivation(r.email, input.password);
    return r;
  },
  { anonymous: true, redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?driving=1` },
);
