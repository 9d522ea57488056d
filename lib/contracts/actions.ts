"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { setContractRenewal } from "./set-renewal";
import { SetRenewalInput } from "./schemas";

export const setContractRenewalAction = action(SetRenewalInput, async (input, { actor }) => {
  const r = await setContractRenewal({ actor, ...input });
  revalidatePath("/[locale]/garage/vehicles/[id]", "page");
  return r;
});
