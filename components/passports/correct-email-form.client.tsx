"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { correctTransferEmailAction } from "@/lib/passports/actions";

export function CorrectEmailForm({ transferId }: { transferId: string }) {
  const t = useTranslations("passports.support");
  return (
    <ActionForm action={correctTransferEmailAction} className="space-y-3">
      <input type="hidden" name="transferId" value={transferId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="email" type="email" label={t("newEmail")} autoComplete="off" required />
        <Field name="emailConfirm" type="email" label={t("newEmailConfirm")} autoComplete="off" required />
      </div>
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
