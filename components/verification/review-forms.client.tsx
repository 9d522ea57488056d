"use client";

import { VehicleLookup } from "@/components/vehicles/vehicle-lookup";
import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { Checkbox } from "@/components/forms/checkbox";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { TextArea } from "@/components/forms/text-area";
import {
  approveVerificationAction,
  claimVerificationAction,
  rejectVerificationAction,
  releaseVerificationAction,
  withdrawVerificationAction,
} from "@/lib/verification/actions";
import { REJECTION_REASONS } from "@/lib/verification/limits";
import { Fuel, IdDocumentType, PlateCountry } from "@/generated/prisma/enums";

function RequestButton({ action, requestId, label, variant = "primary" }: { action: ComponentProps<typeof ActionForm>["action"]; requestId: string; label: string; variant?: "primary" | "secondary" | "danger" }) {
  return (
    <ActionForm action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </ActionForm>
  );
}

export function ClaimForm({ requestId }: { requestId: string }) {
  const t = useTranslations("verification");
  return <RequestButton action={claimVerificationAction} requestId={requestId} label={t("claim")} />;
}

export function ReleaseForm({ requestId }: { requestId: string }) {
  const t = useTranslations("verification");
  return <RequestButton action={releaseVerificationAction} requestId={requestId} label={t("release")} variant="secondary" />;
}

export function WithdrawForm({ requestId }: { requestId: string }) {
  const t = useTranslations("verification");
  return <RequestButton action={withdrawVerificationAction} requestId={requestId} label={t("withdraw")} variant="danger" />;
}

export interface KnownVehicle {
  make: string;
  model: string;
  modelYear: number;
  fuel: Fuel;
  plate: string | null;
  plateCountry: PlateCountry | null;
}

/** The facts typed from the documents; only these are kept. */
export function ApproveForm({ requestId, vin, vehicle, askOwnershipChange }: { requestId: string; vin: string; vehicle: KnownVehicle | null; askOwnershipChange: boolean }) {
  const t = useTranslations("verification");
  const tl = useTranslations("linking");
  return (
    <ActionForm action={approveVerificationAction}>
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t("idDocument")}</legend>
        <SelectField name="idDocumentType" label={t("facts.idDocumentType")} defaultValue="DRIVING_LICENCE" options={Object.values(IdDocumentType).map((d) => ({ value: d, label: t(`idTypes.${d}`) }))} />
        <Field name="fullName" label={t("facts.fullName")} autoComplete="off" required />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field name="dateOfBirth" type="date" label={t("facts.dateOfBirth")} required />
          <Field name="placeOfBirth" label={t("facts.placeOfBirth")} autoComplete="off" required />
        </div>
        <Field name="address" label={t("facts.address")} autoComplete="off" required />
        <Field name="documentValidUntil" type="date" label={t("facts.documentValidUntil")} required />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t("vehicle")}</legend>
        <VehicleLookup />
        <Field name="vin" label={t("facts.vin")} defaultValue={vin} autoComplete="off" spellCheck={false} required className="font-mono uppercase" />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field name="make" label={tl("make")} defaultValue={vehicle?.make} required />
          <Field name="model" label={tl("model")} defaultValue={vehicle?.model} required />
          <Field name="modelYear" label={tl("modelYear")} defaultValue={vehicle ? String(vehicle.modelYear) : undefined} inputMode="numeric" required />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <SelectField name="fuel" label={tl("fuel")} defaultValue={vehicle?.fuel ?? "PETROL"} options={Object.values(Fuel).map((f) => ({ value: f, label: tl(`fuels.${f}`) }))} />
          <Field name="plate" label={tl("plateOptional")} defaultValue={vehicle?.plate ?? undefined} autoComplete="off" />
          <SelectField name="plateCountry" label={tl("plateCountry")} defaultValue={vehicle?.plateCountry ?? "NL"} options={Object.values(PlateCountry).map((c) => ({ value: c, label: c }))} />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t("registration")}</legend>
        <Field name="registeredOwnerName" label={t("facts.registeredOwnerName")} autoComplete="off" required />
        <Field name="registeredOwnerAddress" label={t("facts.registeredOwnerAddress")} autoComplete="off" required />
        {askOwnershipChange ? <Checkbox name="confirmOwnershipChange" label={t("confirmOwnershipChange")} /> : null}
      </fieldset>
      <SubmitButton>{t("approve")}</SubmitButton>
    </ActionForm>
  );
}

export function RejectForm({ requestId }: { requestId: string }) {
  const t = useTranslations("verification");
  return (
    <ActionForm action={rejectVerificationAction}>
      <input type="hidden" name="requestId" value={requestId} />
      <SelectField name="reason" label={t("reason")} defaultValue="" options={[{ value: "", label: t("reasonChoose") }, ...REJECTION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))]} />
      <TextArea name="note" label={t("noteLabel")} hint={t("noteHint")} maxLength={500} />
      <ConfirmButton variant="danger" title={t("rejectConfirm.title")} description={t("rejectConfirm.description")} confirm={t("rejectConfirm.confirm")}>
        {t("reject")}
      </ConfirmButton>
    </ActionForm>
  );
}
