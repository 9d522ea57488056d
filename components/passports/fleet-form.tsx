"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton } from "@/components/forms/action-form";
import { setFleetAccountAction } from "@/lib/passports/actions";

type Option = { id: string; name: string };

export function FleetForm({ passportId, fleets, current }: { passportId: string; fleets: Option[]; current: string | null }) {
  const t = useTranslations("passports.profile");
  if (current) {
    return (
      <ActionForm action={setFleetAccountAction} className="space-y-0">
        <input type="hidden" name="passportId" value={passportId} />
        <input type="hidden" name="fleetAccountId" value="" />
        <SubmitButton variant="secondary">{t("fleetUnlink")}</SubmitButton>
      </ActionForm>
    );
  }
  return (
    <ActionForm action={setFleetAccountAction} className="grid items-start gap-3 space-y-0 sm:grid-cols-[1fr_auto]">
      <input type="hidden" name="passportId" value={passportId} />
      <SelectField name="fleetAccountId" label={t("fleetChoose")} options={fleets.map((f) => ({ value: f.id, label: f.name }))} />
      <SubmitButton variant="secondary" className="sm:mt-6">
        {t("fleetLink")}
      </SubmitButton>
    </ActionForm>
  );
}
