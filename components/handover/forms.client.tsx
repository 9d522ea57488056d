"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, FieldHelp, SelectField, SubmitButton, useFieldState } from "@/components/forms/action-form";
import { NewAccountFields } from "@/components/forms/new-account-fields";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { TextArea } from "@/components/forms/text-area";
import { LANGUAGE_OPTIONS } from "@/i18n/routing";
import {
  acceptHandoverAction,
  acceptHandoverWithNewAccountAction,
  acceptOfferedHandoverAction,
  declineHandoverAction,
  declineOfferedHandoverAction,
  startHandoverAction,
  supportUndoHandoverAction,
  undoHandoverAction,
  withdrawHandoverAction,
} from "@/lib/handover/actions";

export interface StartContract {
  id: string;
  label: string;
  transferable: boolean;
}

/** The contracts that go with the car: one checkbox each; those that cannot go are shown, not offered. */
function ContractChoice({ contracts }: { contracts: StartContract[] }) {
  const t = useTranslations("handover.start");
  const { id, error } = useFieldState("move");
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-zinc-800">{t("contractsTitle")}</legend>
      {contracts.length ? (
        <>
          <p className="mt-1 text-xs text-zinc-500">{t("contractsHint")}</p>
          <ul className="mt-2 space-y-2" data-testid="handover-contracts">
            {contracts.map((c) => (
              <li key={c.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="move" value={c.id} defaultChecked={c.transferable} disabled={!c.transferable} className="mt-0.5 size-4" />
                  <span>
                    {c.label}
                    {c.transferable ? "" : ` · ${t("notTransferable")}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-sm text-zinc-600">{t("noContracts")}</p>
      )}
      <FieldHelp id={id} error={error} />
    </fieldset>
  );
}

/** The seller starts a handover: the buyer, the sale, the contracts. */
export function StartHandoverForm({ vehicleId, locale, today, contracts }: { vehicleId: string; locale: string; today: string; contracts: StartContract[] }) {
  const t = useTranslations("handover.start");
  return (
    <ActionForm action={startHandoverAction}>
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <Field name="buyerName" label={t("buyerName")} hint={t("buyerNameHint")} autoComplete="off" required />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="buyerEmail" type="email" label={t("buyerEmail")} autoComplete="off" required />
        <Field name="buyerEmailConfirm" type="email" label={t("buyerEmailConfirm")} autoComplete="off" required />
      </div>
      <SelectField name="locale" label={t("language")} defaultValue={locale} options={LANGUAGE_OPTIONS} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="soldOn" type="date" label={t("soldOn")} defaultValue={today} max={today} required />
        <Field name="mileageKm" label={t("mileageKm")} inputMode="numeric" required />
      </div>
      <ContractChoice contracts={contracts} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

export function WithdrawHandoverForm({ handoverId }: { handoverId: string }) {
  const t = useTranslations("handover.status");
  return (
    <ActionForm action={withdrawHandoverAction} toast={t("withdrawn")} className="space-y-0">
      <input type="hidden" name="handoverId" value={handoverId} />
      <ConfirmButton title={t("withdrawConfirm.title")} description={t("withdrawConfirm.description")} confirm={t("withdrawConfirm.confirm")} variant="secondary">
        {t("withdraw")}
      </ConfirmButton>
    </ActionForm>
  );
}

export function UndoHandoverForm({ handoverId }: { handoverId: string }) {
  const t = useTranslations("handover.status");
  return (
    <ActionForm action={undoHandoverAction} className="space-y-0">
      <input type="hidden" name="handoverId" value={handoverId} />
      <ConfirmButton title={t("undoConfirm.title")} description={t("undoConfirm.description")} confirm={t("undoConfirm.confirm")} variant="secondary">
        {t("undo")}
      </ConfirmButton>
    </ActionForm>
  );
}

export function AcceptHandoverForm({ token }: { token: string }) {
  const t = useTranslations("handover.buyer");
  return (
    <ActionForm action={acceptHandoverAction}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("accept")}</SubmitButton>
    </ActionForm>
  );
}

export function DeclineHandoverForm({ token }: { token: string }) {
  const t = useTranslations("handover.buyer");
  return (
    <ActionForm action={declineHandoverAction} success={t("declined")} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <ConfirmButton title={t("declineConfirm.title")} description={t("declineConfirm.description")} confirm={t("declineConfirm.confirm")} variant="ghost">
        {t("decline")}
      </ConfirmButton>
    </ActionForm>
  );
}

export function AcceptHandoverWithAccountForm({ token, locale, email }: { token: string; locale: string; email: string }) {
  const t = useTranslations("handover.buyer");
  return (
    <ActionForm action={acceptHandoverWithNewAccountAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <p className="text-sm text-zinc-700">{t("newAccountFor", { email })}</p>
      <NewAccountFields />
      <SubmitButton>{t("createAndAccept")}</SubmitButton>
    </ActionForm>
  );
}

/** The signed-in buyer accepts from the handover's page in their garage (by id, not the link's token). */
export function AcceptOfferedHandoverForm({ handoverId }: { handoverId: string }) {
  const t = useTranslations("handover.buyer");
  return (
    <ActionForm action={acceptOfferedHandoverAction}>
      <input type="hidden" name="handoverId" value={handoverId} />
      <SubmitButton>{t("accept")}</SubmitButton>
    </ActionForm>
  );
}

export function DeclineOfferedHandoverForm({ handoverId }: { handoverId: string }) {
  const t = useTranslations("handover.buyer");
  return (
    <ActionForm action={declineOfferedHandoverAction} success={t("declined")} className="space-y-2">
      <input type="hidden" name="handoverId" value={handoverId} />
      <ConfirmButton title={t("declineConfirm.title")} description={t("declineConfirm.description")} confirm={t("declineConfirm.confirm")} variant="ghost">
        {t("decline")}
      </ConfirmButton>
    </ActionForm>
  );
}

/** Support undoes an accepted handover, with the reason both owners are told. */
export function SupportUndoHandoverForm({ handoverId }: { handoverId: string }) {
  const t = useTranslations("handover.support");
  return (
    <ActionForm action={supportUndoHandoverAction}>
      <input type="hidden" name="handoverId" value={handoverId} />
      <TextArea name="reason" label={t("reasonLabel")} hint={t("reasonHint")} rows={4} maxLength={1000} required />
      <ConfirmButton title={t("undoConfirm.title")} description={t("undoConfirm.description")} confirm={t("undoConfirm.confirm")} variant="danger">
        {t("undo")}
      </ConfirmButton>
    </ActionForm>
  );
}
