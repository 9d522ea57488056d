"use client";

import { useTranslations } from "next-intl";
import { CalendarCheck, CalendarClock, X } from "@/components/ui/icons";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { confirmAppointmentAction, declineAppointmentAction, proposeTimeAction } from "@/lib/appointments/actions";

/**
 * Staff answer a request: confirm one of the owner's preferred times (one button each), propose
 * another time, or decline with a reason (after a confirmation). A proposal the owner has not
 * answered can still be declined.
 */
export function AppointmentAnswer({ appointmentId, times, canConfirm, min }: { appointmentId: string; times: { label: string; past: boolean }[]; canConfirm: boolean; min: string }) {
  const t = useTranslations("appointments.console");
  return (
    <div className="space-y-6">
      {canConfirm ? (
        <div className="flex flex-wrap gap-2">
          {times.map((time, i) => (
            <ActionForm key={i} action={confirmAppointmentAction} className="space-y-0" toast={t("confirmed")}>
              <input type="hidden" name="appointmentId" value={appointmentId} />
              <input type="hidden" name="choice" value={i} />
              <SubmitButton disabled={time.past}>
                <CalendarCheck aria-hidden className="size-4" />
                {t("confirm", { when: time.label })}
              </SubmitButton>
            </ActionForm>
          ))}
        </div>
      ) : null}
      {canConfirm ? (
        <section aria-labelledby="propose-title" className="space-y-2">
          <h3 id="propose-title" className="text-sm font-semibold">
            {t("proposeTitle")}
          </h3>
          <ActionForm action={proposeTimeAction} toast={t("proposed")}>
            <input type="hidden" name="appointmentId" value={appointmentId} />
            <Field name="time" type="datetime-local" label={t("proposeTime")} min={min} step={900} required />
            <SubmitButton variant="secondary">
              <CalendarClock aria-hidden className="size-4" />
              {t("proposeSubmit")}
            </SubmitButton>
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="decline-title" className="space-y-2">
        <h3 id="decline-title" className="text-sm font-semibold">
          {t("declineTitle")}
        </h3>
        <ActionForm action={declineAppointmentAction} toast={t("declined")}>
          <input type="hidden" name="appointmentId" value={appointmentId} />
          <Field name="reason" label={t("declineReasonLabel")} required maxLength={300} />
          <ConfirmButton variant="danger" title={t("declineConfirm.title")} description={t("declineConfirm.description")} confirm={t("declineConfirm.confirm")}>
            <X aria-hidden className="size-4" />
            {t("declineSubmit")}
          </ConfirmButton>
        </ActionForm>
      </section>
    </div>
  );
}
