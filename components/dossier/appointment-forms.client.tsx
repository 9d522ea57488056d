"use client";

import { useTranslations } from "next-intl";
import { CalendarCheck, Send, X } from "@/components/ui/icons";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { TextArea } from "@/components/forms/text-area";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { acceptProposalAction, cancelAppointmentAction, requestAppointmentAction } from "@/lib/appointments/actions";
import { APPOINTMENT_REASONS, MAX_TIMES } from "@/lib/appointments/options";

/** The owner's answer to an open appointment: accept a proposed time, or cancel (after a confirmation). */
export function OwnerAppointmentActions({ appointmentId, canAccept, workshop }: { appointmentId: string; canAccept: boolean; workshop: string }) {
  const t = useTranslations("appointments.section");
  return (
    <div className="flex flex-wrap gap-2">
      {canAccept ? (
        <ActionForm action={acceptProposalAction} className="space-y-0" toast={t("accepted")}>
          <input type="hidden" name="appointmentId" value={appointmentId} />
          <SubmitButton>
            <CalendarCheck aria-hidden className="size-4" />
            {t("accept")}
          </SubmitButton>
        </ActionForm>
      ) : null}
      <ActionForm action={cancelAppointmentAction} className="space-y-0" toast={t("cancelled")}>
        <input type="hidden" name="appointmentId" value={appointmentId} />
        <ConfirmButton variant="ghost" title={t("cancelConfirm.title")} description={t("cancelConfirm.description", { workshop })} confirm={t("cancelConfirm.confirm")}>
          <X aria-hidden className="size-4" />
          {t("cancel")}
        </ConfirmButton>
      </ActionForm>
    </div>
  );
}

/** The owner's request: a workshop (from the list the page found), what for, two or three times. */
export function RequestAppointmentForm({ vehicleId, workshops, min }: { vehicleId: string; workshops: { id: string; label: string }[]; min: string }) {
  const t = useTranslations("appointments.form");
  const tr = useTranslations("appointments.reasons");
  return (
    <ActionForm action={requestAppointmentAction}>
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <SelectField name="organisationId" label={t("workshop")} options={workshops.map((w) => ({ value: w.id, label: w.label }))} />
      <SelectField name="reason" label={t("reason")} defaultValue="SERVICE" options={APPOINTMENT_REASONS.map((r) => ({ value: r, label: tr(r) }))} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-zinc-800">{t("times")}</legend>
        <p className="text-xs text-zinc-500">{t("timesHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          {Array.from({ length: MAX_TIMES }, (_, i) => (
            <Field key={i} name={`time${i + 1}`} type="datetime-local" label={t("time", { n: i + 1 })} min={min} step={900} required={i < 2} />
          ))}
        </div>
      </fieldset>
      <TextArea name="note" label={t("note")} rows={3} maxLength={500} />
      <SubmitButton>
        <Send aria-hidden className="size-4" />
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
