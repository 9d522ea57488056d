"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { createReportLink } from "./create-report-link";
import { revokeReportLink } from "./revoke-report-link";
import { CreateReportLinkInput, RevokeReportLinkInput } from "./schemas";

const carPage = (vehicleId: string) => revalidatePath(`/[locale]/garage/vehicles/${vehicleId}`, "page");

export const createReportLinkAction = action(CreateReportLinkInput, async (input, { actor, locale }) => {
  const r = await createReportLink({ actor, ...input, locale });
  carPage(input.vehicleId);
  return { linkId: r.linkId, url: r.url, expiresAt: r.expiresAt.toISOString() };
});

export const revokeReportLinkAction = action(RevokeReportLinkInput, async (input, { actor }) => {
  const r = await revokeReportLink({ actor, linkId: input.linkId });
  carPage(r.vehicleId);
  return r;
});
