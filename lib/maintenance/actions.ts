"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { setOwnerDue, setWorkshopDue } from "./set-due";
import { SetOwnerDueInput, SetWorkshopDueInput } from "./schemas";

export const setWorkshopDueAction = action(SetWorkshopDueInput, async (input, { actor }) => {
  const r = await setWorkshopDue({ actor, ...input });
  revalidatePath(`/[locale]/console/dossier/${input.vehicleId}`, "page");
  return r;
});

export const setOwnerDueAction = action(SetOwnerDueInput, async (input, { actor }) => {
  const r = await setOwnerDue({ actor, ...input });
  revalidatePath(`/[locale]/garage/vehicles/${input.vehicleId}`, "page");
  return r;
});
