"use client";

import { useTranslations } from "next-intl";
import { Save } from "@/components/ui/icons";
import { ActionForm, Field, FieldHelp, FieldLabel, SelectField, SubmitButton, describedBy, useFieldState, useFormResult } from "@/components/forms/action-form";
import { TextArea } from "@/components/forms/text-area";
import { Alert } from "@/components/ui/alert";
import { recordOwnerEntryAction, recordWorkshopEntryAction } from "@/lib/dossier/actions";
import { SERVICE_KINDS } from "@/lib/dossier/options";
import type { MileageFinding } from "@/lib/dossier/mileage";
import { RecallCheckboxes } from "./care-forms.client";

/** The values a correction starts from: the entry it corrects. */
export interface EntryDefaults {
  id: string;
  kind: string;
  performedOn: string;
  mileageKm: number | null;
  description: string;
  lines: string[];
  workshop: string | null;
}

/**
 * A new entry of the maintenance record, or (with `corrects`) a correction of one: the same
 * fields, prefilled, and a reason. Workshops pick the organisation when more than one of theirs
 * services the car; owners may name the workshop.
 */
export function EntryForm({
  mode,
  vehicleId,
  organisations = [],
  corrects,
  today,
  openRecalls = [],
}: {
  mode: "workshop" | "owner";
  vehicleId: string;
  organisations?: { id: string; name: string }[];
  corrects?: EntryDefaults;
  /** Today's calendar date (YYYY-MM-DD), the latest a date field offers. */
  today: string;
  /** A workshop's new entry: the car's open recalls, to tick those the work resolved. */
  openRecalls?: { id: string; code: string; title: string }[];
}) {
  const t = useTranslations("dossier.form");
  const tk = useTranslations("dossier.kinds");
  return (
    <ActionForm action={mode === "workshop" ? recordWorkshopEntryAction : recordOwnerEntryAction} hideSuccess>
      <Saved />
      <input type="hidden" name="vehicleId" value={vehicleId} />
      {corrects ? <input type="hidden" name="correctsId" value={corrects.id} /> : null}
      {mode === "workshop" && organisations.length > 1 ? (
        <SelectField name="organisationId" label={t("organisation")} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
      ) : mode === "workshop" && organisations.length === 1 ? (
        <input type="hidden" name="organisationId" value={organisations[0].id} />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="kind" label={t("kind")} defaultValue={corrects?.kind ?? "SERVICE"} options={SERVICE_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
        <Field name="performedOn" type="date" label={t("performedOn")} max={today} defaultValue={corrects?.performedOn ?? today} required />
        <Field name="mileageKm" inputMode="numeric" label={t("mileageKm")} defaultValue={corrects?.mileageKm ?? undefined} required autoComplete="off" />
      </div>
      <Field name="description" label={t("description")} defaultValue={corrects?.description} required maxLength={200} />
      <TextArea name="lines" label={t("lines")} hint={t("linesHint")} rows={4} defaultValue={corrects?.lines.join("\n")} />
      {mode === "owner" ? <Field name="workshopName" label={t("workshopName")} defaultValue={corrects?.workshop ?? undefined} maxLength={120} /> : null}
      <AttachmentField label={t("attachment")} hint={mode === "owner" ? t("attachmentHintOwner") : t("attachmentHint")} />
      {corrects ? <Field name="correctionReason" label={t("correctionReason")} required maxLength={300} /> : null}
      {mode === "workshop" && !corrects ? <RecallCheckboxes recalls={openRecalls} /> : null}
      <SubmitButton>
        <Save aria-hidden className="size-4" />
        {corrects ? t("submitCorrection") : t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}

/** The entry's invoice or report (PDF or photo), checked on the server. */
function AttachmentField({ label, hint }: { label: string; hint: string }) {
  const { id, error } = useFieldState("attachment");
  return (
    <div>
      <FieldLabel id={id}>{label}</FieldLabel>
      <input
        id={id}
        name="attachment"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm"
        data-testid="attachment-input"
      />
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

/** What a saved entry's reading came to: logical, or its findings. */
function Saved() {
  const t = useTranslations("dossier");
  const result = useFormResult();
  if (!result?.ok) return null;
  const findings = (result.data as { findings?: MileageFinding[] }).findings ?? [];
  return (
    <Alert tone={findings.length ? "error" : "success"} testId="form-success">
      {findings.length ? t("form.savedFindings", { reasons: findings.map((f) => t(`mileage.short.${f}`)).join(", ") }) : t("form.saved")}
    </Alert>
  );
}
