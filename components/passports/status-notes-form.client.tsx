"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton } from "@/components/forms/action-form";
import { TextArea } from "@/components/forms/text-area";
import { updatePassportAction } from "@/lib/passports/actions";
import { PASSPORT_STATUSES, type PassportStatusT } from "@/lib/passports/options";

/** Status and notes; `statuses` are those the garage may still set (lib/passports/rules.ts). */
export function StatusNotesForm({ passportId, status, notes, statuses = PASSPORT_STATUSES, afterSale = false }: { passportId: string; status: string; notes: string; statuses?: readonly PassportStatusT[]; afterSale?: boolean }) {
  const t = useTranslations("passports");
  return (
    <ActionForm action={updatePassportAction} success={t("profile.saved")}>
      <input type="hidden" name="passportId" value={passportId} />
      <SelectField
        name="status"
        label={t("profile.status")}
        defaultValue={statuses.some((s) => s === status) ? status : statuses[0]}
        options={statuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      {afterSale ? (
        <p className="-mt-2 text-xs text-zinc-500" data-testid="status-after-sale">
          {t("profile.statusAfterSale")}
        </p>
      ) : null}
      <TextArea name="notes" label={t("profile.notes")} hint={t("profile.notesHint")} defaultValue={notes} maxLength={4000} />
      <SubmitButton variant="secondary">{t("profile.save")}</SubmitButton>
    </ActionForm>
  );
}
