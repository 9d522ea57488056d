"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { AppError } from "../server/errors";
import { registerCampaign, VinListRejected } from "./register-campaign";
import { addWarranty } from "./add-warranty";
import { describeRejectedLines } from "./rejected-lines";
import { AddWarrantyInput, RegisterCampaignInput } from "./schemas";

export const registerCampaignAction = action(RegisterCampaignInput, async (input, { actor, locale }) => {
  const { vinsFile, ...fields } = input;
  try {
    const r = await registerCampaign({ actor, ...fields, csv: vinsFile ? await vinsFile.text() : undefined });
    revalidatePath("/[locale]/console/recalls", "page");
    return r;
  } catch (e) {
    if (e instanceof VinListRejected) {
      throw new AppError("VALIDATION", "vin_list_rejected", { fieldErrors: e.fieldErrors, params: { count: e.rejected.length, lines: describeRejectedLines(e.rejected, locale) } });
    }
    throw e;
  }
});

export const addWarrantyAction = action(AddWarrantyInput, async (input, { actor }) => {
  const r = await addWarranty({ actor, ...input });
  revalidatePath(`/[locale]/console/dossier/${input.vehicleId}`, "page");
  return r;
});
