"use client";

import { useTranslations } from "next-intl";
import { Field } from "./action-form";

/**
 * The fields of an account made from a link in an e-mail (an invitation, a driver invitation, a
 * handover): the name and a password typed twice. The address is the one the link went to.
 */
export function NewAccountFields() {
  const ta = useTranslations("auth");
  return (
    <>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="firstName" label={ta("firstName")} autoComplete="given-name" required />
        <Field name="lastName" label={ta("lastName")} autoComplete="family-name" required />
      </div>
      <Field name="password" type="password" label={ta("password")} hint={ta("passwordHint")} autoComplete="new-password" required />
      <Field name="passwordConfirm" type="password" label={ta("passwordConfirm")} autoComplete="new-password" required />
    </>
  );
}
