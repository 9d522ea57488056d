"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Check, ChevronDown, ChevronUp, X } from "@/components/ui/icons";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/classes";
import { cancelTransferAction, confirmTransferAction } from "@/lib/passports/actions";
import { ContactFields } from "./contact-fields";
import { LeaveGuard } from "./leave-guard";
import { LANGUAGE_OPTIONS } from "@/i18n/routing";

/**
 * The owner / driver details of a stock car: "Details" opens the contact details, which staff change
 * to the buyer's and confirm. Leaving the profile asks whether to transfer (LeaveGuard).
 */
export function StockTransferPanel({ passportId, locale, fleetName, guard }: { passportId: string; locale: string; fleetName: string | null; guard: boolean }) {
  const t = useTranslations("passports.contact");
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const openDetails = () => {
    setOpen(true);
    setTimeout(() => {
      formRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
      formRef.current?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
    }, 50);
  };
  return (
    <div className="space-y-4">
      <LeaveGuard enabled={guard && !open} onTransfer={openDetails} />
      <p className="text-sm text-zinc-700">{t("stockLead")}</p>
      {fleetName ? <Alert tone="info">{t("fleetWarning", { name: fleetName })}</Alert> : null}
      <button type="button" onClick={() => (open ? setOpen(false) : openDetails())} aria-expanded={open} aria-controls="transfer-details" className={buttonClass("secondary")}>
        {open ? <ChevronUp aria-hidden className="size-4" /> : <ChevronDown aria-hidden className="size-4" />}
        {t("details")}
      </button>
      <div id="transfer-details" ref={formRef} hidden={!open}>
        {open ? (
          <ActionForm action={confirmTransferAction} className="rounded-lg border border-zinc-200 bg-zinc-50 p-4">
            <h3 className="text-sm font-semibold">{t("formTitle")}</h3>
            <input type="hidden" name="passportId" value={passportId} />
            <ContactFields />
            <Field name="email" type="email" label={t("email")} autoComplete="off" required />
            <Field name="emailConfirm" type="email" label={t("emailConfirm")} hint={t("emailHint")} autoComplete="off" required onPaste={(e) => e.preventDefault()} />
            <SelectField name="locale" label={t("language")} defaultValue={locale} options={LANGUAGE_OPTIONS} />
            {fleetName ? (
              <p className="text-xs text-zinc-600" data-testid="confirm-blocked">
                {t("fleetWarning", { name: fleetName })}
              </p>
            ) : null}
            {/* A fleet-linked car cannot be transferred (the server refuses too): unlink it first. */}
            <SubmitButton variant="success" disabled={!!fleetName}>
              <Check aria-hidden className="size-4" />
              {t("confirm")}
            </SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    </div>
  );
}

export function CancelTransferButton({ passportId }: { passportId: string }) {
  const t = useTranslations("passports.contact");
  return (
    <ActionForm action={cancelTransferAction} className="space-y-0">
      <input type="hidden" name="passportId" value={passportId} />
      <SubmitButton variant="secondary">
        <X aria-hidden className="size-4" />
        {t("cancel")}
      </SubmitButton>
    </ActionForm>
  );
}
