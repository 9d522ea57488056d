"use server";

import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { approveRequest } from "./approve-request";
import { claimRequest, releaseRequest } from "./claim-request";
import { rejectRequest } from "./reject-request";
import { ApproveInput, RejectInput, RequestIdInput, SubmitRequestInput } from "./schemas";
import { submitVerificationRequest } from "./submit-request";
import { withdrawRequest } from "./withdraw-request";

export const submitVerificationAction = action(
  SubmitRequestInput,
  async (input, { actor }) => {
    const r = await submitVerificationRequest({ actor, ...input });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/garage/verifications/${r.requestId}?submitted=1` },
);

export const withdrawVerificationAction = action(
  RequestIdInput,
  async (input, { actor }) => {
    const r = await withdrawRequest({ actor, requestId: input.requestId });
    revalidatePath("/[locale]/garage", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/garage/verifications/${r.requestId}?withdrawn=1` },
);

export const claimVerificationAction = action(
  RequestIdInput,
  async (input, { actor }) => {
    const r = await claimRequest({ actor, requestId: input.requestId });
    revalidatePath("/[locale]/console/verifications", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/verifications/${r.requestId}` },
);

export const releaseVerificationAction = action(
  RequestIdInput,
  async (input, { actor }) => {
    const r = await releaseRequest({ actor, requestId: input.requestId });
    revalidatePath("/[locale]/console/verifications", "page");
    return r;
  },
  { redirectTo: (_r, { locale }) => `/${locale}/console/verifications?released=1` },
);

export const approveVerificationAction = action(
  ApproveInput,
  async (input, { actor }) => {
    const r = await approveRequest({ actor, ...input });
    revalidatePath("/[locale]/console/verifications", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/verifications/${r.requestId}?decided=${r.disputeId ? "disputed" : "approved"}` },
);

export const rejectVerificationAction = action(
  RejectInput,
  async (input, { actor }) => {
    const r = await rejectRequest({ actor, ...input });
    revalidatePath("/[locale]/console/verifications", "page");
    return r;
  },
  { redirectTo: (r, { locale }) => `/${locale}/console/verifications/${r.requestId}?decided=rejected` },
);
