"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { AppError } from "../server/errors";
import { signInAfterActivation } from "../accounts/next-auth";
import { acceptInvitation, acceptInvitationWithNewAccount } from "./accept-invitation";
import { disconnectHolding, relinkHolding } from "./disconnect";
import { inviteBuyer } from "./invite-buyer";
import { resendInvitation, revokeInvitation } from "./manage-invitation";
import { lookupOwner, lookupVehicle } from "./queries";
import { removeVehicle } from "./remove-vehicle";
import {
  AcceptInvitationInput,
  AcceptWithNewAccountInput,
  DeskVerificationInput,
  DisconnectInput,
  InvitationIdInput,
  InviteInput,
  LookupOwnerInput,
  LookupVehicleInput,
  RelinkInput,
  RemoveVehicleInput,
} from "./schemas";
import { verifyAtDesk } from "./verify-at-desk";
import { actingOrganisation } from "../server/authz";

export const inviteBuyerAction = action(InviteInput, async (input, { actor }) => {
  const r = await inviteBuyer({ actor, ...input });
  revalidatePath("/[locale]/console/invitations", "page");
  return r;
}, { redirectTo: (_r, { locale }) => `/${locale}/console/invitations?created=1` });

export const resendInvitationAction = action(InvitationIdInput, async (input, { actor }) => {
  await resendInvitation({ actor, ...input });
  revalidatePath("/[locale]/console/invitations", "page");
  return { done: true };
});

export const revokeInvitationAction = action(InvitationIdInput, async (input, { actor }) => {
  await revokeInvitation({ actor, ...input });
  revalidatePath("/[locale]/console/invitations", "page");
  return { done: true };
});

export const acceptInvitationAction = action(
  AcceptInvitationInput,
  async (input, { actor }) => acceptInvitation({ actor, token: input.token }),
  { redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?linked=1` },
);

export const acceptWithNewAccountAction = action(
  AcceptWithNewAccountInput,
  async (input, { actor, address }) => {
    if (actor) throw new AppError("CONFLICT", "invitation_signed_in");
    const r = await acceptInvitationWithNewAccount({ ...input, address });
    await signInAfterActivation(r.email, input.password);
    return r;
  },
  { anonymous: true, redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?linked=1` },
);

export const lookupOwnerAction = action(LookupOwnerInput, async (input, { actor }) => {
  actingOrganisation(actor, input.organisationId, "vehicles:link");
  const owner = await lookupOwner(actor, input.email);
  if (!owner) throw new AppError("NOT_FOUND", "owner_not_found", { fieldErrors: { email: ["owner_not_found"] } });
  return { email: input.email, name: owner.name };
});

export const lookupVehicleAction = action(LookupVehicleInput, async (input, { actor }) => {
  actingOrganisation(actor, input.organisationId, "vehicles:link");
  return lookupVehicle(actor, input.vin);
});

export const verifyAtDeskAction = action(
  DeskVerificationInput,
  async (input, { actor }) => {
    const r = await verifyAtDesk({ actor, ...input });
    revalidatePath("/[locale]/console/vehicles", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/vehicles?linked=${r.vehicleId}` },
);

export const removeVehicleAction = action(
  RemoveVehicleInput,
  async (input, { actor }) => {
    const r = await removeVehicle({ actor, vehicleId: input.vehicleId, understood: input.understood });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (_r, { locale }) => `/${locale}/garage?removed=1` },
);

export const disconnectAction = action(DisconnectInput, async (input, { actor }) => {
  await disconnectHolding({ actor, holdingId: input.holdingId });
  revalidatePath("/[locale]/console/vehicles", "page");
  return { done: true };
});

export const relinkAction = action(RelinkInput, async (input, { actor }) => {
  await relinkHolding({ actor, holdingId: input.holdingId, identityChecked: input.identityChecked });
  revalidatePath("/[locale]/console/vehicles", "page");
  return { done: true };
});
