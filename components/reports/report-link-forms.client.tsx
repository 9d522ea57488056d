"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton, useFormResult } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { Alert } from "@/components/ui/alert";
import { createReportLinkAction, revokeReportLinkAction } from "@/lib/reports/actions";

/** The new link, shown once after it was made (the database keeps only its hash). */
function CreatedLink() {
  const t = useTranslations("report.owner");
  const result = useFormResult();
  if (!result?.ok) return null;
  const { url, linkId } = result.data as { url: string; linkId: string };
  return (
    <Alert tone="success" testId="report-link-created">
      <span hidden data-testid="report-link-id">{linkId}</span>
      <p>{t("created")}</p>
      <label className="mt-2 block text-xs font-medium" htmlFor="report-link-url">
        {t("linkLabel")}
      </label>
      <input id="report-link-url" readOnly value={url} className="mt-1 block w-full rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900" data-testid="report-link-url" onFocus={(e) => e.currentTarget.select()} />
      <a href={url} target="_blank" rel="noopener noreferrer" className="mt-2 inline-block text-brand-600 hover:underline">
        {t("open")}
      </a>
    </Alert>
  );
}

/** The owner makes a link valid 1 to 30 days. */
export function CreateReportLinkForm({ vehicleId }: { vehicleId: string }) {
  const t = useTranslations("report.owner");
  return (
    <ActionForm action={createReportLinkAction}>
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <CreatedLink />
      <div className="max-w-48">
        <Field name="days" type="number" inputMode="numeric" min={1} max={30} step={1} defaultValue={7} label={t("days")} hint={t("daysHint")} required />
      </div>
      <SubmitButton variant="secondary">{t("create")}</SubmitButton>
    </ActionForm>
  );
}

export function RevokeReportLinkForm({ linkId }: { linkId: string }) {
  const t = useTranslations("report.owner");
  return (
    <ActionForm action={revokeReportLinkAction} toast={t("revoked")} className="space-y-0">
      <input type="hidden" name="linkId" value={linkId} />
      <ConfirmButton title={t("revokeConfirm.title")} description={t("revokeConfirm.description")} confirm={t("revokeConfirm.confirm")} variant="ghost">
        {t("revoke")}
      </ConfirmButton>
    </ActionForm>
  );
}
