"use client";

import { useTranslations } from "next-intl";
import { Check, Plus, Trash2, Undo2 } from "@/components/ui/icons";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { addMaintenanceItemAction, removeMaintenanceItemAction, setMaintenanceDoneAction } from "@/lib/passports/actions";
import { ItemButton } from "./item-button";

export function AddMaintenanceForm({ passportId }: { passportId: string }) {
  const t = useTranslations("passports.profile");
  return (
    <ActionForm action={addMaintenanceItemAction} className="grid items-start gap-3 space-y-0 sm:grid-cols-[1fr_11rem_auto]">
      <input type="hidden" name="passportId" value={passportId} />
      <Field name="description" label={t("maintenanceDescription")} required />
      <Field name="dueAt" type="date" label={t("dueAt")} />
      <SubmitButton variant="secondary" className="sm:mt-6">
        <Plus aria-hidden className="size-4" />
        {t("addMaintenance")}
      </SubmitButton>
    </ActionForm>
  );
}

export function MaintenanceButtons({ passportId, itemId, done, description }: { passportId: string; itemId: string; done: boolean; description: string }) {
  const t = useTranslations("passports.profile");
  return (
    <div className="flex flex-wrap gap-1">
      <ItemButton
        action={setMaintenanceDoneAction}
        hidden={{ passportId, itemId, done: String(!done) }}
        label={done ? t("reopen") : t("markDone")}
        item={description}
        icon={done ? <Undo2 aria-hidden className="size-3.5" /> : <Check aria-hidden className="size-3.5" />}
      />
      <ItemButton action={removeMaintenanceItemAction} hidden={{ passportId, itemId }} label={t("removeItem")} item={description} icon={<Trash2 aria-hidden className="size-3.5" />} />
    </div>
  );
}
