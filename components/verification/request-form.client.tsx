"use client";

import { useCallback, useRef, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { CheckCircle2, FileUp, Loader2, Upload, X } from "@/components/ui/icons";
import { ActionForm, Field, SelectField, SubmitButton, useFormResult } from "@/components/forms/action-form";
import clsx from "clsx";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/classes";
import { submitVerificationAction } from "@/lib/verification/actions";
import { MAX_DOCUMENT_BYTES, type DocumentKindT } from "@/lib/verification/limits";
import { VerificationRelationship, type VerificationRoute } from "@/generated/prisma/enums";
import { cityName } from "@/lib/organisations/places";

type Slot =
  | { status: "idle" }
  | { status: "uploading"; percent: number }
  | { status: "done"; uploadId: string; name: string; size: number }
  | { status: "error"; message: string };

const ACCEPT = "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf";

function formatSize(bytes: number, format: ReturnType<typeof useFormatter>): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? format.number(mb, "megabytes") : format.number(Math.max(1, bytes / 1024), "kilobytes");
}

/**
 * One document: the file goes up on its own (XMLHttpRequest, so its progress shows) to the
 * authenticated upload route, which answers with an upload id; the form posts only that id.
 */
export function UploadSlot({ kind, onBusy }: { kind: DocumentKindT; onBusy: (kind: DocumentKindT, busy: boolean) => void }) {
  const t = useTranslations("verification");
  const te = useTranslations("errors");
  const locale = useLocale();
  const format = useFormatter();
  const result = useFormResult();
  const fieldError = result && !result.ok ? result.error.fieldErrors?.[`upload_${kind}`] : undefined;
  const [slot, setSlot] = useState<Slot>({ status: "idle" });
  const xhr = useRef<XMLHttpRequest | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = `upload-${kind}`;

  const fail = (message: string) => {
    setSlot({ status: "error", message });
    onBusy(kind, false);
  };

  function upload(file: File) {
    xhr.current?.abort();
    if (file.size === 0) return fail(te("file_empty"));
    if (file.size > MAX_DOCUMENT_BYTES) return fail(te("file_too_large", { max: MAX_DOCUMENT_BYTES / 1024 / 1024 }));
    const req = new XMLHttpRequest();
    xhr.current = req;
    req.open("POST", `/api/verification/uploads?kind=${kind}&locale=${locale}`);
    req.responseType = "json";
    req.upload.onprogress = (e) => {
      if (e.lengthComputable) setSlot({ status: "uploading", percent: Math.min(99, Math.round((e.loaded / e.total) * 100)) });
    };
    req.onload = () => {
      const body = req.response as { ok?: boolean; uploadId?: string; sizeBytes?: number; error?: { message?: string } } | null;
      if (req.status === 201 && body?.ok && body.uploadId) {
        setSlot({ status: "done", uploadId: body.uploadId, name: file.name, size: file.size });
        onBusy(kind, false);
      } else fail(body?.error?.message ?? te("upload_failed"));
    };
    req.onerror = () => fail(te("upload_failed"));
    req.onabort = () => onBusy(kind, false);
    setSlot({ status: "uploading", percent: 0 });
    onBusy(kind, true);
    req.send(file);
  }

  const clear = () => {
    xhr.current?.abort();
    setSlot({ status: "idle" });
    if (input.current) input.current.value = "";
  };

  const error = slot.status === "error" ? slot.message : slot.status === "idle" ? fieldError : undefined;
  return (
    <div className={clsx("rounded-lg border p-3", error ? "border-red-300 bg-red-50/40" : "border-zinc-200")} data-testid={`slot-${kind}`}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {t(`kinds.${kind}`)}
      </label>
      <p className="text-xs text-zinc-500">{t(`kindHints.${kind}`)}</p>
      <input type="hidden" name={`upload_${kind}`} value={slot.status === "done" ? slot.uploadId : ""} />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          type="file"
          accept={ACCEPT}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload(file);
          }}
          className="peer sr-only"
        />
        {/* The browser's own file button speaks the browser's language; this one speaks ours. */}
        <label htmlFor={id} className={clsx(buttonClass("secondary"), "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600")}>
          <Upload aria-hidden className="size-4" />
          {slot.status === "done" ? t("replace") : t("chooseFile")}
        </label>
        {slot.status === "done" || slot.status === "uploading" ? (
          <button type="button" onClick={clear} className={buttonClass("ghost")}>
            <X aria-hidden className="size-4" />
            {t("remove")}
          </button>
        ) : null}
      </div>
      {slot.status === "uploading" ? (
        <div className="mt-2" data-testid={`progress-${kind}`}>
          <div
            role="progressbar"
            aria-label={t("uploadProgress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={slot.percent}
            className="h-2 w-full overflow-hidden rounded-full bg-zinc-200"
          >
            <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${slot.percent}%` }} />
          </div>
          <p className="mt-1 flex items-center gap-1 text-xs text-zinc-600">
            <Loader2 aria-hidden className="size-3 animate-spin" />
            {t("uploading", { percent: slot.percent })}
          </p>
        </div>
      ) : null}
      {slot.status === "done" ? (
        <p className="mt-2 flex items-center gap-1 text-xs text-green-800" data-testid={`uploaded-${kind}`}>
          <CheckCircle2 aria-hidden className="size-4" />
          <span className="truncate">
            {slot.name} · {t("uploaded", { size: formatSize(slot.size, format) })}
          </span>
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-2 text-xs text-red-700" data-testid={`error-${kind}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function VerificationRequestForm({ route, dealers }: { route: VerificationRoute; dealers: { id: string; name: string; city: string | null }[] }) {
  const t = useTranslations("verification");
  const tc = useTranslations("places.cities");
  const [relationship, setRelationship] = useState<VerificationRelationship>("OWNER");
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const onBusy = useCallback((kind: DocumentKindT, b: boolean) => setBusy((s) => ({ ...s, [kind]: b })), []);
  const kinds: DocumentKindT[] = relationship === "DRIVER" ? ["ID_FRONT", "ID_BACK", "REGISTRATION", "AUTHORISATION"] : ["ID_FRONT", "ID_BACK", "REGISTRATION"];
  const uploading = kinds.some((k) => busy[k]);
  // The city in the page's language ("Brussels", not the stored "Brussel"), unless the name says it already.
  const dealerOptions = dealers.map((d) => {
    const city = cityName(d.city, (k) => tc(k));
    return { value: d.id, label: city && !d.name.includes(city) && !(d.city && d.name.includes(d.city)) ? `${d.name} (${city})` : d.name };
  });

  return (
    <ActionForm action={submitVerificationAction} className="space-y-6">
      <Field name="vin" label={t("vin")} hint={t("vinHint")} autoComplete="off" spellCheck={false} required className="font-mono uppercase" />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">{t("relationship")}</legend>
        {Object.values(VerificationRelationship).map((r) => (
          <label key={r} className="flex items-start gap-2 text-sm">
            <input type="radio" name="relationship" value={r} checked={relationship === r} onChange={() => setRelationship(r)} className="mt-0.5 size-4" />
            <span>{t(`relationships.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("documents")}</legend>
        <p className="text-xs text-zinc-600">{t("documentsLead")}</p>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {kinds.map((k) => (
            <UploadSlot key={k} kind={k} onBusy={onBusy} />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("reviewer")}</legend>
        <Alert tone="info" testId="route-info">
          {route === "SUPPORT" ? t("routeSupport") : t("routeDealer")}
        </Alert>
        {/* A dealer is asked for only when one checks the documents: support serves the rest. */}
        {route === "SUPPORT" ? null : dealers.length === 0 ? (
          <Alert tone="error">{t("noDealers")}</Alert>
        ) : (
          <SelectField name="dealerId" label={t("dealer")} options={[{ value: "", label: t("dealerChoose") }, ...dealerOptions]} defaultValue="" />
        )}
      </fieldset>
      <p className="text-xs text-zinc-600">{t("privacy")}</p>
      {uploading ? <p className="text-xs text-zinc-600">{t("waitForUploads")}</p> : null}
      <SubmitButton disabled={uploading}>
        <FileUp aria-hidden className="size-4" />
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
