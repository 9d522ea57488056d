"use client";

import { useTranslations } from "next-intl";
import { Check } from "@/components/ui/icons";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { acceptTransferByTokenAction, acceptTransferWithPasswordAction, declineTransferByTokenAction } from "@/lib/passports/actions";

export function AcceptByLinkForm({ token }: { token: string }) {
  const t = useTranslations("passports.link");
  return (
    <ActionForm action={acceptTransferByTokenAction} className="space-y-0">
      <input type="hidden" name="token" value={token} />
      <SubmitButton>
        <Check aria-hidden className="size-4" />
        {t("accept")}
      </SubmitButton>
    </ActionForm>
  );
}

export function NewAccountTransferForm({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("passports.link");
  const ta = useTranslations("auth");
  return (
    <ActionForm action={acceptTransferWithPasswordAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <Field name="password" type="password" label={ta("password")} hint={ta("passwordHint")} autoComplete="new-password" required />
      <Field name="passwordConfirm" type="password" label={ta("passwordConfirm")} autoComplete="new-password" required />
      <SubmitButton>{t("acceptNew")}</SubmitButton>
    </ActionForm>
  );
}

export function DeclineByLinkForm({ token }: { token: string }) {
  const t = useTranslations("passports.link");
  return (
    <ActionForm action={declineTransferByTokenAction} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="ghost">{t("decline")}</SubmitButton>
    </ActionForm>
  );
}
