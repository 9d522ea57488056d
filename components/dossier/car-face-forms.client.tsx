"use client";

import { useRef, useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { prepareToasts, showSuccessToast } from "@/components/ui/toaster";
import { Loader2 } from "@/components/ui/icons";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/classes";
import { removeCarPhotoAction, setCarNameAction } from "@/lib/car-face/actions";

const MAX_MB = 10;

/** The owner's name for the car and its photo (docs/decisions/0029). */
export function CarFaceForms({ vehicleId, name, hasPhoto }: { vehicleId: string; name: string | null; hasPhoto: boolean }) {
  const t = useTranslations("carFace");
  const locale = useLocale();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setBusy(true);
    setError(null);
    prepareToasts();
    try {
      const res = await fetch(`/api/garage/vehicles/${encodeURIComponent(vehicleId)}/photo?locale=${locale}`, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
      const body = (await res.json().catch(() => null)) as { ok?: boolean; error?: { message?: string } } | null;
      if (!res.ok || !body?.ok) {
        setError(body?.error?.message ?? t("uploadFailed"));
        return;
      }
      showSuccessToast(t("photoSaved"), { testId: "toast-success" });
      router.refresh();
    } catch {
      setError(t("uploadFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <ActionForm action={setCarNameAction} toast={t("nameSaved")}>
        <input type="hidden" name="vehicleId" value={vehicleId} />
        <Field name="name" label={t("name")} hint={t("nameHint")} defaultValue={name ?? ""} maxLength={60} />
        <SubmitButton variant="secondary">{t("saveName")}</SubmitButton>
      </ActionForm>
      <div className="space-y-3">
        <p className="block text-sm font-medium">{t("photo")}</p>
        <p className="text-xs text-zinc-600">{t("photoHint", { max: MAX_MB })}</p>
        {error ? <Alert tone="error" testId="photo-error">{error}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <label className={buttonClass("secondary")}>
            {busy ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
            {busy ? t("uploading") : t("choosePhoto")}
            <input ref={input} type="file" accept="image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif" className="sr-only" onChange={upload} disabled={busy} data-testid="photo-input" />
          </label>
          {hasPhoto ? (
            <ActionForm action={removeCarPhotoAction} toast={t("photoRemoved")} className="space-y-0">
              <input type="hidden" name="vehicleId" value={vehicleId} />
              <SubmitButton variant="ghost">{t("removePhoto")}</SubmitButton>
            </ActionForm>
          ) : null}
        </div>
      </div>
    </div>
  );
}
