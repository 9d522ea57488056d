"use client";

import { useTranslations } from "next-intl";
import { Plus, Trash2 } from "@/components/ui/icons";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { addCostItemAction, removeCostItemAction } from "@/lib/passports/actions";
import { ItemButton } from "./item-button";

export function AddCostForm({ passportId }: { passportId: string }) {
  const t = useTranslations("passports.profile");
  return (
    <ActionForm action={addCostItemAction} className="grid items-start gap-3 space-y-0 sm:grid-cols-[1fr_9rem_auto]">
      <input type="hidden" name="passportId" value={passportId} />
      <Field name="description" label={t("costDescription")} required />
      <Field name="amount" label={t("costAmount")} hint={t("costAmountHint")} inputMode="decimal" required />
      <SubmitButton variant="secondary" className="sm:mt-6">
        <Plus aria-hidden className="size-4" />
        {t("addCost")}
      </SubmitButton>
    </ActionForm>
  );
}

export function RemoveCostButton({ passportId, itemId, description }: { passportId: string; itemId: string; description: string }) {
  const t = useTranslations("passports.profile");
  return <ItemButton action={removeCostItemAction} hidden={{ passportId, itemId }} label={t("removeItem")} item={description} icon={<Trash2 aria-hidden className="size-3.5" />} />;
}
