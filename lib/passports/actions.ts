"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { AppError } from "../server/errors";
import { signInAfterActivation } from "../accounts/next-auth";
import { acceptTransfer, acceptTransferByToken, acceptTransferWithNewAccount } from "./accept-transfer";
import { cancelTransfer } from "./cancel-transfer";
import { confirmTransfer } from "./confirm-transfer";
import { correctTransferEmail } from "./correct-transfer-email";
import { createPassport } from "./create-passport";
import { declineTransfer, declineTransferByToken } from "./decline-transfer";
import { endServiceRelationship } from "./end-service-relationship";
import { addMaintenanceItem } from "./add-maintenance-item";
import { removeMaintenanceItem } from "./remove-maintenance-item";
import { setMaintenanceDone } from "./set-maintenance-done";
import { setFleetAccount } from "./set-fleet-account";
import { updateContactDetails } from "./update-contact";
import { addCostItem } from "./add-cost-item";
import { removeCostItem } from "./remove-cost-item";
import { updatePassport } from "./update-passport";
import {
  AcceptWithPasswordInput,
  AddCostItemInput,
  AddMaintenanceItemInput,
  ConfirmTransferInput,
  CorrectEmailInput,
  CreatePassportInput,
  ItemInput,
  MaintenanceDoneInput,
  PassportIdInput,
  SetFleetInput,
  TransferIdInput,
  TransferTokenInput,
  UpdateContactInput,
  UpdatePassportInput,
  VehicleIdInput,
} from "./schemas";

const profile = (passportId: string) => revalidatePath(`/[locale]/console/passports/${passportId}`, "page");
const lists = () => revalidatePath("/[locale]/console/passports", "page");

export const createPassportAction = action(
  CreatePassportInput,
  async (input, { actor }) => {
    const r = await createPassport({ actor, ...input });
    lists();
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/passports/${r.passportId}?${r.restocked ? "restocked" : "created"}=1` },
);

export const updatePassportAction = action(UpdatePassportInput, async (input, { actor }) => {
  await updatePassport({ actor, ...input });
  profile(input.passportId);
  return { saved: true };
});

export const addCostItemAction = action(AddCostItemInput, async (input, { actor }) => {
  const r = await addCostItem({ actor, passportId: input.passportId, description: input.description, amountCents: input.amount });
  profile(input.passportId);
  return r;
});

export const removeCostItemAction = action(ItemInput, async (input, { actor }) => {
  await removeCostItem({ actor, ...input });
  profile(input.passportId);
  return { removed: true };
});

export const addMaintenanceItemAction = action(AddMaintenanceItemInput, async (input, { actor }) => {
  const r = await addMaintenanceItem({ actor, ...input });
  profile(input.passportId);
  return r;
});

export const setMaintenanceDoneAction = action(MaintenanceDoneInput, async (input, { actor }) => {
  await setMaintenanceDone({ actor, ...input });
  profile(input.passportId);
  return { saved: true };
});

export const removeMaintenanceItemAction = action(ItemInput, async (input, { actor }) => {
  await removeMaintenanceItem({ actor, ...input });
  profile(input.passportId);
  return { removed: true };
});

export const setFleetAccountAction = action(SetFleetInput, async (input, { actor }) => {
  const r = await setFleetAccount({ actor, ...input });
  profile(input.passportId);
  lists();
  return r;
});

export const confirmTransferAction = action(
  ConfirmTransferInput,
  async (input, { actor }) => {
    const r = await confirmTransfer({ actor, ...input });
    profile(input.passportId);
    lists();
    return { ...r, passportId: input.passportId };
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/passports/${r.passportId}?transfer=${r.recipient}` },
);

export const cancelTransferAction = action(PassportIdInput, async (input, { actor }) => {
  await cancelTransfer({ actor, ...input });
  profile(input.passportId);
  lists();
  return { cancelled: true };
});

export const updateContactAction = action(UpdateContactInput, async (input, { actor }) => {
  await updateContactDetails({ actor, ...input });
  profile(input.passportId);
  return { saved: true };
});

export const acceptTransferAction = action(
  TransferIdInput,
  async (input, { actor }) => {
    const r = await acceptTransfer({ actor, ...input });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?linked=1` },
);

export const declineTransferAction = action(
  TransferIdInput,
  async (input, { actor }) => {
    await declineTransfer({ actor, ...input });
    revalidatePath("/[locale]/garage", "page");
    return { declined: true };
  },
  { redirectTo: (_r, { locale }) => `/${locale}/garage` },
);

export const acceptTransferByTokenAction = action(
  TransferTokenInput,
  async (input, { actor }) => acceptTransferByToken({ actor, token: input.token }),
  { redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?linked=1` },
);

/** A buyer without an account: sets a password, becomes the owner and is signed in, in one go. */
export const acceptTransferWithPasswordAction = action(
  AcceptWithPasswordInput,
  async (input, { actor, address }) => {
    if (actor) throw new AppError("CONFLICT", "transfer_signed_in");
    const r = await acceptTransferWithNewAccount({ token: input.token, password: input.password, address });
    await signInAfterActivation(r.email, input.password);
    return r;
  },
  { anonymous: true, redirectTo: (r, { locale }) => `/${locale}/garage/vehicles/${r.vehicleId}?linked=1` },
);

export const declineTransferByTokenAction = action(
  TransferTokenInput,
  async (input) => {
    await declineTransferByToken({ token: input.token });
    return { token: input.token };
  },
  { anonymous: true, redirectTo: (r, { locale }) => `/${locale}/transfers/${r.token}` },
);

export const correctTransferEmailAction = action(
  CorrectEmailInput,
  async (input, { actor }) => {
    const r = await correctTransferEmail({ actor, transferId: input.transferId, email: input.email });
    revalidatePath("/[locale]/console/transfers", "page");
    return r;
  },
  { redirectTo: (_r, { locale }) => `/${locale}/console/transfers?corrected=1` },
);

export const endServiceRelationshipAction = action(VehicleIdInput, async (input, { actor }) => {
  await endServiceRelationship({ actor, ...input });
  revalidatePath(`/[locale]/garage/vehicles/${input.vehicleId}`, "page");
  return { ended: true };
});
