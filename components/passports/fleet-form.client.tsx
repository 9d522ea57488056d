"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton } from "@/components/forms/action-form";
import { setFleetAccountAction } from "@/lib/passports/actions";

type Option = { id: string; name: string };

/**
 * Links the passport to a fleet account or unlinks it. One form for both, so the result of the
 * last change stays on screen when the page comes back with the other state: after unlinking,
 * staff read that the car can now be transferred.
 */
export function FleetForm({ passportId, fleets, current }: { passportId: string; fleets: Option[]; current: string | null }) {
  const t = useTranslations("passports.profile");
  return (
    <ActionForm action={setFleetAccountAction} success={current ? t("fleetLinkedNotice") : t("fleetUnlinkedNotice")} className="space-y-3">
      <input type="hidden" name="passportId" value={passportId} />
      {current ? (
        <>
          <input type="hidden" name="fleetAccountId" value="" />
          <SubmitButton variant="secondary">{t("fleetUnlink")}</SubmitButton>
        </>
      ) : (
        <div className="grid items-start gap-3 sm:grid-cols-[1fr_auto]">
          <SelectField name="fleetAccountId" label={t("fleetChoose")} options={fleets.map((f) => ({ value: f.id, label: f.name }))} />
          <SubmitButton variant="secondary" className="sm:mt-6">
            {t("fleetLink")}
          </SubmitButton>
        </div>
      )}
    </ActionForm>
  );
}
