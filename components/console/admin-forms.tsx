"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, SubmitButton, useFormResult } from "@/components/forms/action-form";
import {
  addMemberAction,
  createOrganisationAction,
  removeMemberAction,
  setMemberRoleAction,
  setUserStatusAction,
} from "@/lib/organisations/actions";
import { MembershipRole, OrganisationKind, type UserStatus } from "@/generated/prisma/enums";
import { resendActivationAction } from "@/lib/accounts/actions";
import { countryOptions } from "@/lib/organisations/places";

export function CreateOrganisationForm({ garages }: { garages: { id: string; name: string }[] }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  return (
    <ActionForm action={createOrganisationAction}>
      <Field name="name" label={t("orgName")} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t("orgKind")}
          defaultValue="DEALER"
          options={Object.values(OrganisationKind).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <SelectField
          name="parentId"
          label={t("parentGarage")}
          defaultValue=""
          options={[{ value: "", label: t("noParent") }, ...garages.map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Field name="city" label={t("city")} />
        <SelectField name="country" label={t("country")} defaultValue="NL" options={countryOptions(["NL", "BE"], locale)} />
      </div>
      <SubmitButton>{t("create")}</SubmitButton>
    </ActionForm>
  );
}

export function AddMemberForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={addMemberAction} success={t("memberAdded")}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
        <Field name="email" type="email" label={t("memberEmail")} hint={t("memberEmailHint")} required />
        <SelectField name="role" label={t("role")} defaultValue="MEMBER" options={Object.values(MembershipRole).map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </div>
      <SubmitButton>{t("addMember")}</SubmitButton>
    </ActionForm>
  );
}

export function MemberActions({ membershipId, role }: { membershipId: string; role: MembershipRole }) {
  const t = useTranslations("admin");
  return (
    <div className="flex flex-wrap gap-2">
      <ActionForm action={setMemberRoleAction} className="space-y-0">
        <input type="hidden" name="membershipId" value={membershipId} />
        <input type="hidden" name="role" value={role === "ADMIN" ? "MEMBER" : "ADMIN"} />
        <SubmitButton variant="secondary">{role === "ADMIN" ? t("makeMember") : t("makeAdmin")}</SubmitButton>
      </ActionForm>
      <ActionForm action={removeMemberAction} className="space-y-0">
        <input type="hidden" name="membershipId" value={membershipId} />
        <SubmitButton variant="ghost">{t("remove")}</SubmitButton>
      </ActionForm>
    </div>
  );
}

export function UserStatusButton({ userId, status }: { userId: string; status: UserStatus }) {
  const t = useTranslations("admin");
  if (status === "INVITED") return null;
  return (
    <ActionForm action={setUserStatusAction} className="space-y-0">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={status === "ACTIVE" ? "DISABLED" : "ACTIVE"} />
      {/* Quiet on every row; the dangerous style belongs to the confirmation, not the list. */}
      <SubmitButton variant="secondary">{status === "ACTIVE" ? t("disable") : t("enable")}</SubmitButton>
    </ActionForm>
  );
}

function ActivationResent() {
  const result = useFormResult();
  const t = useTranslations("admin");
  return result?.ok ? (
    <span role="status" className="text-sm text-green-700" data-testid="activation-resent">
      {t("activationResent")}
    </span>
  ) : null;
}

/** On a row of an account that was never activated: a new activation link by e-mail. */
export function ResendActivationButton({ userId }: { userId: string }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={resendActivationAction} className="flex flex-wrap items-center gap-2 space-y-0">
      <input type="hidden" name="userId" value={userId} />
      <ActivationResent />
      <SubmitButton variant="secondary">{t("resendActivation")}</SubmitButton>
    </ActionForm>
  );
}
