"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { recordOwnerEntry } from "./record-owner-entry";
import { recordWorkshopEntry } from "./record-workshop-entry";
import { OwnerEntryInput, WorkshopEntryInput } from "./schemas";

/** A correction goes back to the car's record (the form it came from is for one entry). */
const back = (d: { corrected: boolean; vehicleId: string }, path: string) => (d.corrected ? path : undefined);

export const recordWorkshopEntryAction = action(
  WorkshopEntryInput,
  async (input, { actor }) => {
    const r = await recordWorkshopEntry({ actor, ...input });
    revalidatePath(`/[locale]/console/dossier/${input.vehicleId}`, "page");
    return { ...r, vehicleId: input.vehicleId, corrected: !!input.correctsId };
  },
  { redirectTo: (d, { locale }) => back(d, `/${locale}/console/dossier/${d.vehicleId}?corrected=1`) },
);

export const recordOwnerEntryAction = action(
  OwnerEntryInput,
  async (input, { actor }) => {
    const r = await recordOwnerEntry({ actor, ...input });
    revalidatePath(`/[locale]/garage/vehicles/${input.vehicleId}`, "page");
    return { ...r, vehicleId: input.vehicleId, corrected: !!input.correctsId };
  },
  { redirectTo: (d, { locale }) => back(d, `/${locale}/garage/vehicles/${d.vehicleId}?corrected=1`) },
);
