"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { createPassportAction } from "@/lib/passports/actions";
import { FUELS } from "@/lib/passports/options";
import { PlateCountry } from "@/generated/prisma/enums";
import { VehicleLookup } from "@/components/vehicles/vehicle-lookup";

type Option = { id: string; name: string };

export function CreatePassportForm({ garages, fleets }: { garages: Option[]; fleets: (Option & { parentId: string | null })[] }) {
  const t = useTranslations("passports.form");
  const garageName = (id: string | null) => garages.find((g) => g.id === id)?.name ?? "";
  return (
    <ActionForm action={createPassportAction}>
      {garages.length === 1 ? (
        <input type="hidden" name="garageId" value={garages[0].id} />
      ) : (
        <SelectField name="garageId" label={t("garage")} options={garages.map((g) => ({ value: g.id, label: g.name }))} />
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field name="plate" label={t("plate")} hint={t("plateHint")} autoComplete="off" spellCheck={false} required className="font-mono uppercase" />
        <SelectField name="plateCountry" label={t("plateCountry")} defaultValue="NL" options={Object.values(PlateCountry).map((c) => ({ value: c, label: t(`countries.${c}`) }))} />
      </div>
      <Field name="vin" label={t("vin")} hint={t("vinHint")} autoComplete="off" spellCheck={false} required className="font-mono uppercase" />
      <VehicleLookup organisationField="garageId" />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="make" label={t("make")} required />
        <Field name="model" label={t("model")} required />
        <Field name="modelYear" label={t("modelYear")} inputMode="numeric" required />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="fuel" label={t("fuel")} defaultValue="PETROL" options={FUELS.map((f) => ({ value: f, label: t(`fuels.${f}`) }))} />
        {fleets.length ? (
          <SelectField
            name="fleetAccountId"
            label={t("fleet")}
            defaultValue=""
            options={[{ value: "", label: t("noFleet") }, ...fleets.map((f) => ({ value: f.id, label: garages.length > 1 ? `${f.name} (${garageName(f.parentId)})` : f.name }))]}
          />
        ) : null}
      </div>
      {fleets.length ? <p className="text-xs text-zinc-500">{t("fleetHint")}</p> : null}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
