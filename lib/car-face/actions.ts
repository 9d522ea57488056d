"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { removeCarPhoto } from "./photo";
import { setCarName } from "./set-car-name";
import { RemoveCarPhotoInput, SetCarNameInput } from "./schemas";

const pages = (vehicleId: string) => {
  revalidatePath(`/[locale]/garage/vehicles/${vehicleId}`, "page");
  revalidatePath("/[locale]/garage", "page");
};

export const setCarNameAction = action(SetCarNameInput, async (input, { actor }) => {
  const r = await setCarName({ actor, vehicleId: input.vehicleId, name: input.name });
  pages(input.vehicleId);
  return r;
});

export const removeCarPhotoAction = action(RemoveCarPhotoInput, async (input, { actor }) => {
  const r = await removeCarPhoto({ actor, vehicleId: input.vehicleId });
  pages(input.vehicleId);
  return r;
});
