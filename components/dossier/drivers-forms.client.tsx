"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { NewAccountFields } from "@/components/forms/new-account-fields";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { LANGUAGE_OPTIONS } from "@/i18n/routing";
import {
  acceptDriverInvitationAction,
  acceptDriverWithNewAccountAction,
  inviteDriverAction,
  leaveCarAction,
  revokeDriverAction,
  revokeDriverInvitationAction,
} from "@/lib/drivers/actions";

/** The owner invites a driver by e-mail. */
export function InviteDriverForm({ vehicleId, locale }: { vehicleId: string; locale: string }) {
  const t = useTranslations("drivers");
  return (
    <ActionForm action={inviteDriverAction} toast={t("sent")}>
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_auto]">
        <Field name="email" type="email" label={t("email")} autoComplete="off" required />
        <SelectField name="locale" label={t("language")} defaultValue={locale} options={LANGUAGE_OPTIONS} />
      </div>
      <SubmitButton variant="secondary">{t("send")}</SubmitButton>
    </ActionForm>
  );
}

export function RevokeDriverForm({ driverId, name }: { driverId: string; name: string }) {
  const t = useTranslations("drivers");
  return (
    <ActionForm action={revokeDriverAction} toast={t("revoked")} className="space-y-0">
      <input type="hidden" name="driverId" value={driverId} />
      <ConfirmButton title={t("revokeConfirm.title", { name })} description={t("revokeConfirm.description", { name })} confirm={t("revokeConfirm.confirm")} variant="ghost">
        {t("revoke")}
      </ConfirmButton>
    </ActionForm>
  );
}

export function WithdrawDriverInvitationForm({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useTranslations("drivers");
  return (
    <ActionForm action={revokeDriverInvitationAction} toast={t("withdrawn")} className="space-y-0">
      <input type="hidden" name="invitationId" value={invitationId} />
      <ConfirmButton title={t("withdrawConfirm.title", { email })} description={t("withdrawConfirm.description")} confirm={t("withdrawConfirm.confirm")} variant="ghost">
        {t("withdraw")}
      </ConfirmButton>
    </ActionForm>
  );
}

/** The driver stops driving the car. */
export function LeaveCarForm({ vehicleId }: { vehicleId: string }) {
  const t = useTranslations("drivers");
  return (
    <ActionForm action={leaveCarAction} className="space-y-0">
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <ConfirmButton title={t("leaveConfirm.title")} description={t("leaveConfirm.description")} confirm={t("leaveConfirm.confirm")}>
        {t("leave")}
      </ConfirmButton>
    </ActionForm>
  );
}

export function AcceptDriverInvitationForm({ token }: { token: string }) {
  const t = useTranslations("drivers");
  return (
    <ActionForm action={acceptDriverInvitationAction}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("accept")}</SubmitButton>
    </ActionForm>
  );
}

export function AcceptDriverWithAccountForm({ token, locale, email }: { token: string; locale: string; email: string }) {
  const t = useTranslations("drivers");
  return (
    <ActionForm action={acceptDriverWithNewAccountAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <p className="text-sm text-zinc-700">{t("newAccountFor", { email })}</p>
      <NewAccountFields />
      <SubmitButton>{t("createAndAccept")}</SubmitButton>
    </ActionForm>
  );
}
