"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Send } from "@/components/ui/icons";
import { ActionForm, Field, FieldHelp, FieldLabel, SubmitButton, useFieldState, useFormResult } from "@/components/forms/action-form";
import { TextArea } from "@/components/forms/text-area";
import { Alert } from "@/components/ui/alert";
import { registerCampaignAction } from "@/lib/recalls/actions";

/** Support registers a recall campaign: texts in nl, en and fr, and its cars by model or by a CSV list of VINs. */
export function CampaignForm() {
  const t = useTranslations("recalls.form");
  const [scope, setScope] = useState<"MODEL" | "VINS">("MODEL");
  return (
    <ActionForm action={registerCampaignAction} hideSuccess>
      <Registered />
      <Field name="code" label={t("code")} hint={t("codeHint")} required maxLength={40} autoComplete="off" />
      <div className="grid gap-4 lg:grid-cols-3">
        {(["Nl", "En", "Fr"] as const).map((l) => (
          <div key={l} className="space-y-4">
            <Field name={`title${l}`} label={t(`title${l}`)} required maxLength={150} />
            <TextArea name={`description${l}`} label={t(`description${l}`)} rows={5} required maxLength={4000} />
          </div>
        ))}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">{t("scope")}</legend>
        {(["MODEL", "VINS"] as const).map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} className="size-4" />
            {s === "MODEL" ? t("scopeModel") : t("scopeVins")}
          </label>
        ))}
      </fieldset>
      {scope === "MODEL" ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field name="make" label={t("make")} maxLength={60} required />
          <Field name="model" label={t("model")} maxLength={80} required />
          <Field name="yearFrom" inputMode="numeric" label={t("yearFrom")} hint={t("yearsHint")} maxLength={4} />
          <Field name="yearTo" inputMode="numeric" label={t("yearTo")} maxLength={4} />
        </div>
      ) : (
        <FileField name="vinsFile" label={t("vinsFile")} hint={t("vinsFileHint")} />
      )}
      <SubmitButton>
        <Send aria-hidden className="size-4" />
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}

function FileField({ name, label, hint }: { name: string; label: string; hint: string }) {
  const { id, error } = useFieldState(name);
  return (
    <div>
      <FieldLabel id={id}>{label}</FieldLabel>
      <input id={id} name={name} type="file" accept=".csv,text/csv,text/plain" aria-invalid={error ? true : undefined} className="mt-1 block w-full text-sm" />
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

function Registered() {
  const t = useTranslations("recalls.form");
  const result = useFormResult();
  if (!result?.ok) return null;
  const d = result.data as { cars: number; owners: number };
  return (
    <Alert tone="success" testId="form-success">
      {t("saved", { cars: d.cars, owners: d.owners })}
    </Alert>
  );
}
