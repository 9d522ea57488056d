"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { recordOwnerEntry } from "./record-owner-entry";
import { recordWorkshopEntry } from "./record-workshop-entry";
import { OwnerEntryInput, WorkshopEntryInput } from "./schemas";

/** The form's file as the use cases take it. */
async function fileOf(f: File | undefined) {
  return f ? { bytes: Buffer.from(await f.arrayBuffer()), name: f.name } : undefined;
}

/** A correction goes back to the car's record (the form it came from is for one entry). */
const back = (d: { corrected: boolean; vehicleId: string }, path: string) => (d.corrected ? path : undefined);

export const recordWorkshopEntryAction = action(
  WorkshopEntryInput,
  async ({ attachment, ...input }, { actor }) => {
    const r = await recordWorkshopEntry({ actor, ...input, attachment: await fileOf(attachment) });
    revalidatePath(`/[locale]/console/dossier/${input.vehicleId}`, "page");
    return { ...r, vehicleId: input.vehicleId, corrected: !!input.correctsId };
  },
  { redirectTo: (d, { locale }) => back(d, `/${locale}/console/dossier/${d.vehicleId}?corrected=1`) },
);

export const recordOwnerEntryAction = action(
  OwnerEntryInput,
  async ({ attachment, ...input }, { actor }) => {
    const r = await recordOwnerEntry({ actor, ...input, attachment: await fileOf(attachment) });
    revalidatePath(`/[locale]/garage/vehicles/${input.vehicleId}`, "page");
    return { ...r, vehicleId: input.vehicleId, corrected: !!input.correctsId };
  },
  { redirectTo: (d, { locale }) => back(d, `/${locale}/garage/vehicles/${d.vehicleId}?corrected=1`) },
);
