"use client";

import { useActionState, useRef, useState, type ChangeEvent, type FocusEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { NewAccountFields } from "@/components/forms/new-account-fields";
import { Checkbox } from "@/components/forms/checkbox";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { Link } from "@/i18n/navigation";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/classes";
import {
  acceptInvitationAction,
  acceptWithNewAccountAction,
  disconnectAction,
  inviteBuyerAction,
  lookupOwnerAction,
  lookupVehicleAction,
  relinkAction,
  removeVehicleAction,
  resendInvitationAction,
  revokeInvitationAction,
  verifyAtDeskAction,
} from "@/lib/linking/actions";
import { PRODUCT_CODES, PRODUCTS } from "@/lib/linking/products";
import { Fuel, IdDocumentType } from "@/generated/prisma/enums";
import { LANGUAGE_OPTIONS } from "@/i18n/routing";
import { VehicleLookup } from "@/components/vehicles/vehicle-lookup";

type Org = { id: string; name: string };

function OrganisationChoice({ organisations }: { organisations: Org[] }) {
  const t = useTranslations("linking");
  if (organisations.length === 1) return <input type="hidden" name="organisationId" value={organisations[0].id} />;
  return <SelectField name="organisationId" label={t("organisation")} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />;
}

type KnownVehicle = { vin: string; make: string; model: string; modelYear: number; fuel: Fuel };

/**
 * The car's fields. With `lookUp` (the desk) the VIN is looked up once complete: a known car is
 * shown as recorded and its make, model, year and fuel are not asked (the server keeps the
 * recorded ones whatever is sent); a new car is described as on its certificate.
 */
function VehicleFields({ lookUp = false }: { lookUp?: boolean }) {
  const t = useTranslations("linking");
  // The recorded car, "new" for a VIN not known yet, null before a complete VIN was looked up.
  const [known, setKnown] = useState<KnownVehicle | "new" | null>(null);
  const asked = useRef("");
  const check = async (e: ChangeEvent<HTMLInputElement> | FocusEvent<HTMLInputElement>) => {
    const vin = e.currentTarget.value.replace(/\s/g, "").toUpperCase();
    const form = e.currentTarget.form;
    if (vin.length !== 17 || !form) {
      asked.current = "";
      setKnown(null);
      return;
    }
    if (asked.current === vin) return;
    asked.current = vin;
    const fd = new FormData();
    fd.set("organisationId", String(new FormData(form).get("organisationId") ?? ""));
    fd.set("vin", vin);
    const r = await lookupVehicleAction(null, fd);
    // Only the answer for the VIN as it stands now counts.
    if (asked.current !== vin) return;
    setKnown(!r.ok ? null : r.data.known ? r.data : "new");
  };
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold">{t("vehicle")}</legend>
      <Field
        name="vin"
        label={t("vin")}
        hint={t("vinHint")}
        autoComplete="off"
        spellCheck={false}
        required
        className="font-mono uppercase"
        {...(lookUp ? { onChange: check, onBlur: check } : {})}
      />
      {known && known !== "new" ? (
        <Alert tone="info" testId="known-vehicle">
          {t("knownVehicle", { car: `${known.make} ${known.model}`, year: known.modelYear, fuel: t(`fuels.${known.fuel}`) })}
        </Alert>
      ) : (
        <>
          {known === "new" ? (
            <p className="text-sm text-zinc-600" data-testid="new-vehicle">
              {t("newVehicle")}
            </p>
          ) : null}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field name="make" label={t("make")} required />
            <Field name="model" label={t("model")} required />
            <Field name="modelYear" label={t("modelYear")} inputMode="numeric" required />
          </div>
          <SelectField name="fuel" label={t("fuel")} defaultValue="PETROL" options={Object.values(Fuel).map((f) => ({ value: f, label: t(`fuels.${f}`) }))} />
        </>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="plate" label={t("plateOptional")} autoComplete="off" />
        <SelectField name="plateCountry" label={t("plateCountry")} defaultValue="NL" options={[{ value: "NL", label: "NL" }, { value: "BE", label: "BE" }]} />
      </div>
      <VehicleLookup organisationField="organisationId" />
    </fieldset>
  );
}

export function InviteBuyerForm({ organisations, locale }: { organisations: Org[]; locale: string }) {
  const t = useTranslations("linking");
  const tp = useTranslations("products");
  return (
    <ActionForm action={inviteBuyerAction}>
      <OrganisationChoice organisations={organisations} />
      <VehicleFields />
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t("buyer")}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_auto]">
          <Field name="email" type="email" label={t("buyerEmail")} required />
          <SelectField name="locale" label={t("buyerLanguage")} defaultValue={locale} options={LANGUAGE_OPTIONS} />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("includedContracts")}</legend>
        {PRODUCT_CODES.map((p) => (
          <div key={p} className="grid items-end gap-3 rounded-lg border border-zinc-200 p-3 sm:grid-cols-[1fr_8rem_auto]">
            <Checkbox name={`include_${p}`} label={tp(p)} defaultChecked={p === "CONNECT"} />
            <Field name={`months_${p}`} label={t("months")} defaultValue={String(PRODUCTS[p].defaultMonths)} inputMode="numeric" />
            <Checkbox name={`renew_${p}`} label={t("autoRenew")} defaultChecked={PRODUCTS[p].defaultAutoRenew} />
          </div>
        ))}
      </fieldset>
      <SubmitButton>{t("sendInvitation")}</SubmitButton>
    </ActionForm>
  );
}

export function InvitationRowActions({ invitationId, canResend, email, car }: { invitationId: string; canResend: boolean; email: string; car: string }) {
  const t = useTranslations("linking");
  return (
    <div className="flex flex-wrap gap-2">
      <ActionForm action={resendInvitationAction} className="space-y-0" toast={t("resent")}>
        <input type="hidden" name="invitationId" value={invitationId} />
        <SubmitButton variant="secondary" disabled={!canResend}>
          {t("resend")}
        </SubmitButton>
      </ActionForm>
      <ActionForm action={revokeInvitationAction} className="space-y-0" toast={t("revoked")}>
        <input type="hidden" name="invitationId" value={invitationId} />
        <ConfirmButton
          variant="ghost"
          disabled={!canResend}
          title={t("revokeConfirm.title")}
          description={t("revokeConfirm.description", { email, car })}
          confirm={t("revokeConfirm.confirm")}
        >
          {t("revoke")}
        </ConfirmButton>
      </ActionForm>
    </div>
  );
}

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("linking");
  return (
    <ActionForm action={acceptInvitationAction}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("accept")}</SubmitButton>
    </ActionForm>
  );
}

export function AcceptWithAccountForm({ token, locale, email }: { token: string; locale: string; email: string }) {
  const t = useTranslations("linking");
  return (
    <ActionForm action={acceptWithNewAccountAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <p className="text-sm text-zinc-700">{t("newAccountFor", { email })}</p>
      <NewAccountFields />
      <SubmitButton>{t("createAndAccept")}</SubmitButton>
    </ActionForm>
  );
}

/** Step 1 looks the owner's account up by exact e-mail; step 2 records what staff checked. */
export function DeskVerification({ organisations }: { organisations: Org[] }) {
  const t = useTranslations("linking");
  const [owner, setOwner] = useState<{ email: string; name: string } | null>(null);
  const [lookup, lookupAction] = useActionState(async (prev: unknown, fd: FormData) => {
    const r = await lookupOwnerAction(prev, fd);
    if (r.ok) setOwner(r.data);
    return r;
  }, null);

  if (!owner) {
    return (
      <form action={lookupAction} className="space-y-4" noValidate>
        <OrganisationChoice organisations={organisations} />
        {lookup && !lookup.ok ? <Alert tone="error" testId="form-error">{lookup.error.message}</Alert> : null}
        <div>
          <label htmlFor="lookup-email" className="block text-sm font-medium">
            {t("ownerEmail")}
          </label>
          <input id="lookup-email" name="email" type="email" required defaultValue={lookup && !lookup.ok ? lookup.values?.email : ""} className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm" />
          {lookup && !lookup.ok && lookup.error.fieldErrors?.email ? <p className="mt-1 text-xs text-red-700">{lookup.error.fieldErrors.email}</p> : null}
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("lookUp")}
        </button>
      </form>
    );
  }

  return (
    <ActionForm action={verifyAtDeskAction}>
      <Alert tone="info" testId="owner-found">
        {t("ownerFound", { name: owner.name, email: owner.email })}{" "}
        <button type="button" onClick={() => setOwner(null)} className="underline">
          {t("otherOwner")}
        </button>
      </Alert>
      <OrganisationChoice organisations={organisations} />
      <input type="hidden" name="ownerEmail" value={owner.email} />
      <SelectField name="relationship" label={t("relationship")} defaultValue="OWNER" options={[{ value: "OWNER", label: t("relationships.OWNER") }, { value: "DRIVER", label: t("relationships.DRIVER") }]} />
      <Checkbox name="authorisationSeen" label={t("authorisationSeen")} />
      <p className="text-xs text-zinc-500">{t("nameRule")}</p>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t("idDocument")}</legend>
        <SelectField name="idDocumentType" label={t("idDocumentType")} defaultValue="DRIVING_LICENCE" options={Object.values(IdDocumentType).map((d) => ({ value: d, label: t(`idTypes.${d}`) }))} />
        <Field name="fullName" label={t("fullName")} required />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field name="dateOfBirth" type="date" label={t("dateOfBirth")} required />
          <Field name="placeOfBirth" label={t("placeOfBirth")} required />
        </div>
        <Field name="address" label={t("address")} required />
        <Field name="documentValidUntil" type="date" label={t("documentValidUntil")} required />
      </fieldset>
      <VehicleFields lookUp />
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t("registration")}</legend>
        <Field name="registeredOwnerName" label={t("registeredOwnerName")} required />
        <Field name="registeredOwnerAddress" label={t("registeredOwnerAddress")} required />
        <Checkbox name="confirmOwnershipChange" label={t("confirmOwnershipChange")} />
      </fieldset>
      <p className="text-xs text-zinc-500">{t("noCopies")}</p>
      <SubmitButton>{t("verifyAndLink")}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveVehicleForm({ vehicleId }: { vehicleId: string }) {
  const t = useTranslations("garage");
  const [understood, setUnderstood] = useState(false);
  return (
    <ActionForm action={removeVehicleAction}>
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <Checkbox name="understood" label={t("remove.understand")} checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center">
        {/* The way back: the car's page, where nothing has changed. */}
        <Link href={`/garage/vehicles/${vehicleId}`} className={buttonClass("secondary")}>
          {t("remove.cancel")}
        </Link>
        <SubmitButton variant="danger" disabled={!understood}>
          {t("remove.submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** `owner`: the name (else e-mail) of the account the car is linked to; `car`: make and model. */
export function DisconnectButton({ holdingId, owner, car }: { holdingId: string; owner: string; car: string }) {
  const t = useTranslations("linking");
  return (
    <ActionForm action={disconnectAction} className="space-y-0" toast={t("disconnectedToast", { name: owner })}>
      <input type="hidden" name="holdingId" value={holdingId} />
      <ConfirmButton
        variant="secondary"
        title={t("disconnectConfirm.title")}
        description={t("disconnectConfirm.description", { car, name: owner })}
        confirm={t("disconnectConfirm.confirm")}
      >
        {t("disconnect")}
      </ConfirmButton>
    </ActionForm>
  );
}

export function RelinkForm({ holdingId }: { holdingId: string }) {
  const t = useTranslations("linking");
  return (
    <ActionForm action={relinkAction} className="space-y-2">
      <input type="hidden" name="holdingId" value={holdingId} />
      <Checkbox name="identityChecked" label={t("identityChecked")} />
      <SubmitButton>{t("relink")}</SubmitButton>
    </ActionForm>
  );
}
