"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionForm, Field, SelectField, SubmitButton, useFormResult } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
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

/**
 * A member's row: make administrator or member, remove. The organisation's only administrator can
 * be neither made a member nor removed (the use case refuses it too): the buttons are disabled and
 * a note says why, and how to go on.
 */
export function MemberActions({
  membershipId,
  role,
  name,
  organisation,
  onlyAdmin,
}: {
  membershipId: string;
  role: MembershipRole;
  name: string;
  organisation: string;
  /** Set on the only administrator's row: "self" when that is the person looking. */
  onlyAdmin?: "self" | "other";
}) {
  const t = useTranslations("admin");
  const noteId = useId();
  const blocked = !!onlyAdmin;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap gap-2">
        <ActionForm action={setMemberRoleAction} className="space-y-0">
          <input type="hidden" name="membershipId" value={membershipId} />
          <input type="hidden" name="role" value={role === "ADMIN" ? "MEMBER" : "ADMIN"} />
          <SubmitButton variant="secondary" disabled={blocked} describedBy={blocked ? noteId : undefined}>
            {role === "ADMIN" ? t("makeMember") : t("makeAdmin")}
          </SubmitButton>
        </ActionForm>
        <ActionForm action={removeMemberAction} className="space-y-0" toast={t("memberRemoved", { name, organisation })}>
          <input type="hidden" name="membershipId" value={membershipId} />
          <ConfirmButton
            variant="ghost"
            disabled={blocked}
            describedBy={blocked ? noteId : undefined}
            title={t("removeConfirm.title", { name, organisation })}
            description={t("removeConfirm.description", { name, organisation })}
            confirm={t("removeConfirm.confirm")}
          >
            {t("remove")}
          </ConfirmButton>
        </ActionForm>
      </div>
      {onlyAdmin ? (
        <p id={noteId} className="max-w-xs text-right text-xs text-zinc-600" data-testid="only-admin">
          {onlyAdmin === "self" ? t("onlyAdminSelf") : t("onlyAdmin")}
        </p>
      ) : null}
    </div>
  );
}

export function UserStatusButton({ userId, status, email }: { userId: string; status: UserStatus; email: string }) {
  const t = useTranslations("admin");
  if (status === "INVITED") return null;
  if (status === "DISABLED") {
    return (
      <ActionForm action={setUserStatusAction} className="space-y-0">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="status" value="ACTIVE" />
        <SubmitButton variant="secondary">{t("enable")}</SubmitButton>
      </ActionForm>
    );
  }
  return (
    <ActionForm action={setUserStatusAction} className="space-y-0" toast={t("userDisabled", { email })}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value="DISABLED" />
      {/* Quiet on every row; the dangerous style belongs to the confirmation, not the list. */}
      <ConfirmButton variant="secondary" title={t("disableConfirm.title", { email })} description={t("disableConfirm.description")} confirm={t("disableConfirm.confirm")}>
        {t("disable")}
      </ConfirmButton>
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
