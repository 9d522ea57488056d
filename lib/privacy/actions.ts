"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { action } from "../server/action";
import { signOut } from "../accounts/next-auth";
import { updateProfile } from "./profile";
import { confirmEmailChange, reportEmailChange, requestEmailChange } from "./email-change";
import { confirmConsent, requestConsent, unsubscribe, withdrawConsent } from "./consents";
import { eraseAccount } from "./erase";
import { ChangeEmailInput, ConsentInput, DeleteAccountInput, LinkTokenInput, OwnerProfileInput } from "./schemas";

/** The account page's profile form (owners: every field; staff: name and language). */
export const updateProfileAction = action(
  OwnerProfileInput,
  async (input, { actor }) => {
    const r = await updateProfile({ actor, profile: input });
    revalidatePath("/[locale]/account", "page");
    return r;
  },
  { redirectTo: (_d, { locale }) => `/${locale}/account?profileSaved=1` },
);

/** Sends the confirmation link to the new address (and the notice to the old one). */
export const requestEmailChangeAction = action(ChangeEmailInput, async (input, { actor }) => requestEmailChange({ actor, ...input }));

/** The link to the new address: the link is the credential (no sign-in needed). */
export const confirmEmailChangeAction = action(
  LinkTokenInput,
  async (input, { address }) => {
    const r = await confirmEmailChange({ token: input.token, address });
    // Every session of the account ended; the browser's cookie goes too.
    await signOut({ redirect: false }).catch(() => undefined);
    return r;
  },
  { anonymous: true, redirectTo: (_d, { locale }) => `/${locale}/sign-in?emailChanged=1` },
);

/** "This was not me" from the notice to the old address: the link is the credential. */
export const reportEmailChangeAction = action(LinkTokenInput, async (input, { address }) => reportEmailChange({ token: input.token, address }), { anonymous: true });

export const requestConsentAction = action(ConsentInput, async (input, { actor }) => {
  const r = await requestConsent({ actor, purpose: input.purpose });
  revalidatePath("/[locale]/account", "page");
  return r;
});

export const withdrawConsentAction = action(ConsentInput, async (input, { actor }) => {
  const r = await withdrawConsent({ actor, purpose: input.purpose });
  revalidatePath("/[locale]/account", "page");
  return r;
});

/** The opt-in link: the link is the credential; the proof keeps the address and browser. */
export const confirmConsentAction = action(
  LinkTokenInput,
  async (input, { address }) => confirmConsent({ token: input.token, address, userAgent: (await headers()).get("user-agent") }),
  { anonymous: true },
);

/** The unsubscribe page of a marketing e-mail's link: the link is the credential. */
export const unsubscribeAction = action(LinkTokenInput, async (input) => unsubscribe({ token: input.token, via: "email_link" }), { anonymous: true });

/** Deletes the signed-in account after the password is typed again, then signs this browser out. */
export const deleteAccountAction = action(
  DeleteAccountInput,
  async (input, { actor }) => {
    const r = await eraseAccount({ actor, password: input.password, understood: input.understood });
    await signOut({ redirect: false });
    return r;
  },
  { redirectTo: (_d, { locale }) => `/${locale}/privacy?deleted=1` },
);
