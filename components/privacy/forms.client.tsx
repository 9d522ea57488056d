"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { ActionForm, Field, FieldHelp, SelectField, SubmitButton, useFieldState, useFormResult } from "@/components/forms/action-form";
import { Checkbox } from "@/components/forms/checkbox";
import { TextArea } from "@/components/forms/text-area";
import { Alert } from "@/components/ui/alert";
import { LANGUAGE_OPTIONS } from "@/i18n/routing";
import {
  confirmConsentAction,
  confirmEmailChangeAction,
  deleteAccountAction,
  reportEmailChangeAction,
  requestConsentAction,
  requestEmailChangeAction,
  unsubscribeAction,
  updateProfileAction,
  withdrawConsentAction,
} from "@/lib/privacy/actions";
import { CHANNELS, INTERESTS, type ConsentPurposeT } from "@/lib/privacy/options";

export interface ProfileValues {
  firstName: string;
  lastName: string;
  locale: string;
  title: string;
  company: string;
  dateOfBirth: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  mobile: string;
  phone: string;
  extraPhones: string;
  interests: string[];
  preferredChannels: string[];
}

/** A group of checkboxes sharing one name (the form sends each ticked value). */
function CheckboxGroup({ name, legend, options, checked }: { name: string; legend: string; options: { value: string; label: string }[]; checked: string[] }) {
  const { id, error } = useFieldState(name);
  return (
    <fieldset>
      <legend className="block text-sm font-medium text-zinc-800">{legend}</legend>
      <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldHelp id={id} error={error} />
    </fieldset>
  );
}

/** The profile: owners get every field, staff their name and language only. */
export function ProfileForm({ values, staff }: { values: ProfileValues; staff: boolean }) {
  const t = useTranslations("privacy.profile");
  const countries = ["NL", "BE", "DE", "FR", "LU"] as const;
  return (
    <ActionForm action={updateProfileAction}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="firstName" label={t("firstName")} defaultValue={values.firstName} autoComplete="given-name" required />
        <Field name="lastName" label={t("lastName")} defaultValue={values.lastName} autoComplete="family-name" required />
      </div>
      <SelectField name="locale" label={t("language")} options={LANGUAGE_OPTIONS.map((o) => ({ value: o.value, label: o.label }))} defaultValue={values.locale} />
      {staff ? null : (
        <>
          <Field name="street" label={t("street")} defaultValue={values.street} autoComplete="street-address" />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field name="postalCode" label={t("postalCode")} defaultValue={values.postalCode} autoComplete="postal-code" />
            <Field name="city" label={t("city")} defaultValue={values.city} autoComplete="address-level2" />
            <SelectField
              name="country"
              label={t("country")}
              defaultValue={values.country}
              options={[{ value: "", label: t("countryNone") }, ...countries.map((c) => ({ value: c, label: t(`countries.${c}`) }))]}
            />
          </div>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field name="mobile" type="tel" label={t("mobile")} defaultValue={values.mobile} autoComplete="tel" />
            <Field name="phone" type="tel" label={t("phone")} defaultValue={values.phone} />
          </div>
          <hr className="border-zinc-200" />
          <h3 className="text-sm font-semibold text-zinc-700">{t("voluntary")}</h3>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field name="title" label={t("title")} defaultValue={values.title} autoComplete="honorific-prefix" />
            <Field name="company" label={t("company")} defaultValue={values.company} autoComplete="organization" />
            <Field name="dateOfBirth" type="date" label={t("dateOfBirth")} defaultValue={values.dateOfBirth} autoComplete="bday" />
          </div>
          <TextArea name="extraPhones" label={t("extraPhones")} hint={t("extraPhonesHint")} defaultValue={values.extraPhones} rows={3} />
          <CheckboxGroup name="interests" legend={t("interests")} checked={values.interests} options={INTERESTS.map((v) => ({ value: v, label: t(`interest.${v}`) }))} />
          <CheckboxGroup name="preferredChannels" legend={t("channels")} checked={values.preferredChannels} options={CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }))} />
        </>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton>{t("save")}</SubmitButton>
        <Link href="/account" className="text-sm text-brand-600 hover:underline">
          {t("back")}
        </Link>
      </div>
    </ActionForm>
  );
}

function EmailChangeFields() {
  const t = useTranslations("privacy.email");
  const result = useFormResult();
  if (result?.ok) {
    return (
      <Alert tone="success" testId="email-change-sent">
        <span className="wrap-anywhere">{t("sent", { email: (result.data as { email: string }).email })}</span>
      </Alert>
    );
  }
  return (
    <>
      <Field name="email" type="email" label={t("newEmail")} autoComplete="email" required />
      <Field name="currentPassword" type="password" label={t("password")} autoComplete="current-password" required />
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </>
  );
}

export function EmailChangeForm() {
  return (
    <ActionForm action={requestEmailChangeAction}>
      <EmailChangeFields />
    </ActionForm>
  );
}

export function ConfirmEmailChangeForm({ token, label }: { token: string; label: string }) {
  return (
    <ActionForm action={confirmEmailChangeAction}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{label}</SubmitButton>
    </ActionForm>
  );
}

function ReportFields({ token }: { token: string }) {
  const t = useTranslations("privacy.email");
  const result = useFormResult();
  if (result?.ok) {
    const changed = (result.data as { changed: boolean }).changed;
    return (
      <>
        <Alert tone="success" testId="report-done">
          {changed ? t("reportDoneChanged") : t("reportDone")}
        </Alert>
        <Link href="/forgot-password" className="text-sm text-brand-600 hover:underline">
          {t("resetPassword")}
        </Link>
      </>
    );
  }
  return (
    <>
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="danger">{t("report")}</SubmitButton>
    </>
  );
}

export function ReportEmailChangeForm({ token }: { token: string }) {
  return (
    <ActionForm action={reportEmailChangeAction}>
      <ReportFields token={token} />
    </ActionForm>
  );
}

/** One consent's switch on the account page: on asks for the e-mailed confirmation; off is immediate. */
export function ConsentSwitch({ purpose, on }: { purpose: ConsentPurposeT; on: boolean }) {
  const t = useTranslations("privacy.consents");
  return (
    <ActionForm action={on ? withdrawConsentAction : requestConsentAction} toast={on ? t("withdrawn") : t("requested")} className="space-y-2">
      <input type="hidden" name="purpose" value={purpose} />
      <SubmitButton variant={on ? "secondary" : "primary"} size="sm">
        {on ? t("optOut") : t("optIn")}
      </SubmitButton>
    </ActionForm>
  );
}

function LinkDone({ doneText, children }: { doneText: string; children: React.ReactNode }) {
  const result = useFormResult();
  if (result?.ok) return <Alert tone="success" testId="link-done">{doneText}</Alert>;
  return <>{children}</>;
}

export function ConfirmConsentForm({ token, label, doneText }: { token: string; label: string; doneText: string }) {
  return (
    <ActionForm action={confirmConsentAction}>
      <LinkDone doneText={doneText}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton>{label}</SubmitButton>
      </LinkDone>
    </ActionForm>
  );
}

export function UnsubscribeForm({ token, label, doneText }: { token: string; label: string; doneText: string }) {
  return (
    <ActionForm action={unsubscribeAction}>
      <LinkDone doneText={doneText}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton>{label}</SubmitButton>
      </LinkDone>
    </ActionForm>
  );
}

export function DeleteAccountForm() {
  const t = useTranslations("privacy.delete");
  return (
    <ActionForm action={deleteAccountAction}>
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <Checkbox name="understood" label={t("understood")} />
      <SubmitButton variant="danger">{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
