"use client";

import { useTranslations } from "next-intl";
import { Save } from "@/components/ui/icons";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { Checkbox } from "@/components/forms/checkbox";
import { setOwnerDueAction, setWorkshopDueAction } from "@/lib/maintenance/actions";
import { addWarrantyAction } from "@/lib/recalls/actions";
import { WARRANTY_KINDS } from "@/lib/recalls/options";

/** Which of the actor's organisations acts, when more than one services the car. */
function OrganisationField({ organisations = [] }: { organisations?: { id: string; name: string }[] }) {
  const t = useTranslations("dossier.form");
  if (organisations.length > 1) return <SelectField name="organisationId" label={t("organisation")} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />;
  if (organisations.length === 1) return <input type="hidden" name="organisationId" value={organisations[0].id} />;
  return null;
}

/** The next service due: set by the owner (car page) or a workshop that services the car (console). */
export function DueForm({ mode, vehicleId, organisations, today }: { mode: "owner" | "workshop"; vehicleId: string; organisations?: { id: string; name: string }[]; today: string }) {
  const t = useTranslations("maintenance.form");
  return (
    <ActionForm action={mode === "workshop" ? setWorkshopDueAction : setOwnerDueAction} success={t("saved")}>
      <p className="text-sm text-zinc-600">{t("lead")}</p>
      <input type="hidden" name="vehicleId" value={vehicleId} />
      {mode === "workshop" ? <OrganisationField organisations={organisations} /> : null}
      <Field name="task" label={t("description")} required maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="dueOn" type="date" label={t("dueOn")} min={today} />
        <Field name="dueKm" inputMode="numeric" label={t("dueKm")} autoComplete="off" />
      </div>
      <SubmitButton>
        <Save aria-hidden className="size-4" />
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}

/** A warranty a workshop that services the car adds. */
export function WarrantyForm({ vehicleId, organisations, today }: { vehicleId: string; organisations?: { id: string; name: string }[]; today: string }) {
  const t = useTranslations("recalls.warrantyForm");
  const tk = useTranslations("recalls.section.kinds");
  return (
    <ActionForm action={addWarrantyAction} success={t("saved")}>
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <OrganisationField organisations={organisations} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="warrantyKind" label={t("kind")} defaultValue="FACTORY" options={WARRANTY_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
        <Field name="provider" label={t("provider")} maxLength={120} />
      </div>
      <Field name="coverage" label={t("description")} maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="startsOn" type="date" label={t("startsOn")} defaultValue={today} required />
        <Field name="endsOn" type="date" label={t("endsOn")} hint={t("hint")} />
        <Field name="maxKm" inputMode="numeric" label={t("maxKm")} autoComplete="off" />
      </div>
      <SubmitButton>
        <Save aria-hidden className="size-4" />
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}

/** Inside a workshop's service entry form: the car's open recalls the work resolved. */
export function RecallCheckboxes({ recalls }: { recalls: { id: string; code: string; title: string }[] }) {
  const t = useTranslations("recalls.resolve");
  if (!recalls.length) return null;
  return (
    <fieldset className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3" data-testid="resolve-recalls">
      <legend className="px-1 text-sm font-medium">{t("legend")}</legend>
      <p className="text-xs text-zinc-600">{t("hint")}</p>
      {recalls.map((r) => (
        <Checkbox key={r.id} name="recallIds" value={r.id} label={`${r.code} · ${r.title}`} />
      ))}
    </fieldset>
  );
}
