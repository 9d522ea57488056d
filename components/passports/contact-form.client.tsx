"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ChevronDown, ChevronUp } from "@/components/ui/icons";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { buttonClass } from "@/components/ui/classes";
import { updateContactAction } from "@/lib/passports/actions";
import { ContactFields } from "./contact-fields";

/** After confirmation: name and address can still be corrected, the e-mail no longer. */
export function ContactDetailsForm({ passportId, contact, email }: { passportId: string; contact: { name: string | null; street: string | null; postalCode: string | null; city: string | null }; email: string }) {
  const t = useTranslations("passports.contact");
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className={buttonClass("ghost", "narrow")}>
        {open ? <ChevronUp aria-hidden className="size-4" /> : <ChevronDown aria-hidden className="size-4" />}
        {t("editContact")}
      </button>
      {open ? (
        <ActionForm action={updateContactAction} success={t("saved")} className="mt-2 rounded-lg border border-zinc-200 bg-zinc-50 p-4">
          <input type="hidden" name="passportId" value={passportId} />
          <ContactFields contact={contact} />
          <div>
            <label htmlFor="locked-email" className="block text-sm font-medium text-zinc-800">
              {t("email")}
            </label>
            <input id="locked-email" value={email} readOnly disabled aria-describedby="locked-email-hint" className="mt-1 block w-full rounded-lg border border-zinc-200 bg-zinc-100 px-3 py-2 text-sm text-zinc-600" />
            <p id="locked-email-hint" className="mt-1 text-xs text-zinc-500">
              {t("emailLocked")}
            </p>
          </div>
          <SubmitButton variant="secondary">{t("saveContact")}</SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}
