"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { TextArea } from "@/components/forms/text-area";
import { answerUnlinkAction, requestUnlinkAction } from "@/lib/fleet/actions";

/** A fleet manager asks the garage to unlink the car, with a reason. */
export function RequestUnlinkForm({ passportId }: { passportId: string }) {
  const t = useTranslations("fleet.unlink");
  return (
    <ActionForm action={requestUnlinkAction} toast={t("sent")} className="space-y-3">
      <input type="hidden" name="passportId" value={passportId} />
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} maxLength={500} required />
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** Garage staff approve (unlink) or decline with a reason. */
export function AnswerUnlinkForms({ requestId }: { requestId: string }) {
  const t = useTranslations("fleet.requests");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ActionForm action={answerUnlinkAction} toast={t("approved")}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="decision" value="approve" />
        <SubmitButton>{t("approve")}</SubmitButton>
      </ActionForm>
      <ActionForm action={answerUnlinkAction} toast={t("declined")} className="space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="decision" value="decline" />
        <TextArea name="declineReason" label={t("declineReason")} rows={2} maxLength={500} />
        <SubmitButton variant="secondary">{t("decline")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
