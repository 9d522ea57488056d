"use client";

import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Check, ChevronDown, ChevronUp, Plus, Trash2, Undo2, X } from "lucide-react";
import { ActionForm, Field, SelectField, SubmitButton } from "@/components/forms/action-form";
import { Alert, buttonClass } from "@/components/ui/primitives";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/server/action-types";
import {
  acceptTransferAction,
  acceptTransferByTokenAction,
  acceptTransferWithPasswordAction,
  addCostItemAction,
  addMaintenanceItemAction,
  cancelTransferAction,
  confirmTransferAction,
  correctTransferEmailAction,
  createPassportAction,
  declineTransferAction,
  declineTransferByTokenAction,
  endServiceRelationshipAction,
  removeCostItemAction,
  removeMaintenanceItemAction,
  setFleetAccountAction,
  setMaintenanceDoneAction,
  updateContactAction,
  updatePassportAction,
} from "@/lib/passports/actions";
import { FUELS, PASSPORT_STATUSES, type PassportStatusT } from "@/lib/passports/schemas";
import { LeaveGuard } from "./leave-guard";

type Option = { id: string; name: string };

export function CreatePassportForm({ garages, fleets }: { garages: Option[]; fleets: (Option & { parentId: string | null })[] }) {
  const t = useTranslations("passports.form");
  const garageName = (id: string | null) => garages.find((g) => g.id === id)?.name ?? "";
  return (
    <ActionForm action={createPassportAction}>
      {garages.length === 1 ? (
        <input type="hidden" name="garageId" value={garages[0].id} />
      ) : (
        <SelectField name="garageId" label={t("garage")} options={garages.map((g) => ({ value: g.id, label: g.name }))} />
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field name="plate" label={t("plate")} hint={t("plateHint")} autoComplete="off" spellCheck={false} required className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 font-mono text-sm uppercase" />
        <SelectField name="plateCountry" label={t("plateCountry")} defaultValue="NL" options={(["NL", "BE"] as const).map((c) => ({ value: c, label: t(`countries.${c}`) }))} />
      </div>
      <Field name="vin" label={t("vin")} hint={t("vinHint")} autoComplete="off" spellCheck={false} required className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 font-mono text-sm uppercase" />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="make" label={t("make")} required />
        <Field name="model" label={t("model")} required />
        <Field name="modelYear" label={t("modelYear")} inputMode="numeric" required />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="fuel" label={t("fuel")} defaultValue="PETROL" options={FUELS.map((f) => ({ value: f, label: t(`fuels.${f}`) }))} />
        {fleets.length ? (
          <SelectField
            name="fleetAccountId"
            label={t("fleet")}
            defaultValue=""
            options={[{ value: "", label: t("noFleet") }, ...fleets.map((f) => ({ value: f.id, label: garages.length > 1 ? `${f.name} (${garageName(f.parentId)})` : f.name }))]}
          />
        ) : null}
      </div>
      {fleets.length ? <p className="text-xs text-zinc-500">{t("fleetHint")}</p> : null}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** Status and notes; `statuses` are those the garage may still set (lib/passports/rules.ts). */
export function StatusNotesForm({ passportId, status, notes, statuses = PASSPORT_STATUSES, afterSale = false }: { passportId: string; status: string; notes: string; statuses?: readonly PassportStatusT[]; afterSale?: boolean }) {
  const t = useTranslations("passports");
  return (
    <ActionForm action={updatePassportAction} success={t("profile.saved")}>
      <input type="hidden" name="passportId" value={passportId} />
      <SelectField
        name="status"
        label={t("profile.status")}
        defaultValue={statuses.some((s) => s === status) ? status : statuses[0]}
        options={statuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      {afterSale ? (
        <p className="-mt-2 text-xs text-zinc-500" data-testid="status-after-sale">
          {t("profile.statusAfterSale")}
        </p>
      ) : null}
      <div>
        <label htmlFor="passport-notes" className="block text-sm font-medium text-zinc-800">
          {t("profile.notes")}
        </label>
        <textarea id="passport-notes" name="notes" defaultValue={notes} rows={3} maxLength={4000} aria-describedby="passport-notes-hint" className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm" />
        <p id="passport-notes-hint" className="mt-1 text-xs text-zinc-500">
          {t("profile.notesHint")}
        </p>
      </div>
      <SubmitButton variant="secondary">{t("profile.save")}</SubmitButton>
    </ActionForm>
  );
}

export function AddCostForm({ passportId }: { passportId: string }) {
  const t = useTranslations("passports.profile");
  return (
    <ActionForm action={addCostItemAction} className="grid items-start gap-3 space-y-0 sm:grid-cols-[1fr_9rem_auto]">
      <input type="hidden" name="passportId" value={passportId} />
      <Field name="description" label={t("costDescription")} required />
      <Field name="amount" label={t("costAmount")} hint={t("costAmountHint")} inputMode="decimal" required />
      <SubmitButton variant="secondary" className="sm:mt-6">
        <Plus aria-hidden className="size-4" />
        {t("addCost")}
      </SubmitButton>
    </ActionForm>
  );
}

type FormAction = (prev: unknown, fd: FormData) => Promise<ActionResult<unknown>>;

function ItemButton({ action, hidden, label, item, icon, variant = "ghost" }: { action: FormAction; hidden: Record<string, string>; label: string; item: string; icon: ReactNode; variant?: "ghost" | "secondary" }) {
  return (
    <ActionForm action={action} className="space-y-0">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant} className="px-2 py-1 text-xs">
        {icon}
        {label}
        <span className="sr-only">: {item}</span>
      </SubmitButton>
    </ActionForm>
  );
}

export function RemoveCostButton({ passportId, itemId, description }: { passportId: string; itemId: string; description: string }) {
  const t = useTranslations("passports.profile");
  return <ItemButton action={removeCostItemAction} hidden={{ passportId, itemId }} label={t("removeItem")} item={description} icon={<Trash2 aria-hidden className="size-3.5" />} />;
}

export function AddMaintenanceForm({ passportId }: { passportId: string }) {
  const t = useTranslations("passports.profile");
  return (
    <ActionForm action={addMaintenanceItemAction} className="grid items-start gap-3 space-y-0 sm:grid-cols-[1fr_11rem_auto]">
      <input type="hidden" name="passportId" value={passportId} />
      <Field name="description" label={t("maintenanceDescription")} required />
      <Field name="dueAt" type="date" label={t("dueAt")} />
      <SubmitButton variant="secondary" className="sm:mt-6">
        <Plus aria-hidden className="size-4" />
        {t("addMaintenance")}
      </SubmitButton>
    </ActionForm>
  );
}

export function MaintenanceButtons({ passportId, itemId, done, description }: { passportId: string; itemId: string; done: boolean; description: string }) {
  const t = useTranslations("passports.profile");
  return (
    <div className="flex flex-wrap gap-1">
      <ItemButton
        action={setMaintenanceDoneAction}
        hidden={{ passportId, itemId, done: String(!done) }}
        label={done ? t("reopen") : t("markDone")}
        item={description}
        icon={done ? <Undo2 aria-hidden className="size-3.5" /> : <Check aria-hidden className="size-3.5" />}
      />
      <ItemButton action={removeMaintenanceItemAction} hidden={{ passportId, itemId }} label={t("removeItem")} item={description} icon={<Trash2 aria-hidden className="size-3.5" />} />
    </div>
  );
}

export function FleetForm({ passportId, fleets, current }: { passportId: string; fleets: Option[]; current: string | null }) {
  const t = useTranslations("passports.profile");
  if (current) {
    return (
      <ActionForm action={setFleetAccountAction} className="space-y-0">
        <input type="hidden" name="passportId" value={passportId} />
        <input type="hidden" name="fleetAccountId" value="" />
        <SubmitButton variant="secondary">{t("fleetUnlink")}</SubmitButton>
      </ActionForm>
    );
  }
  return (
    <ActionForm action={setFleetAccountAction} className="grid items-start gap-3 space-y-0 sm:grid-cols-[1fr_auto]">
      <input type="hidden" name="passportId" value={passportId} />
      <SelectField name="fleetAccountId" label={t("fleetChoose")} options={fleets.map((f) => ({ value: f.id, label: f.name }))} />
      <SubmitButton variant="secondary" className="sm:mt-6">
        {t("fleetLink")}
      </SubmitButton>
    </ActionForm>
  );
}

function ContactFields({ contact }: { contact?: { name?: string | null; street?: string | null; postalCode?: string | null; city?: string | null } }) {
  const t = useTranslations("passports.contact");
  return (
    <>
      <Field name="name" label={t("name")} autoComplete="off" defaultValue={contact?.name ?? ""} required />
      <Field name="street" label={t("street")} autoComplete="off" defaultValue={contact?.street ?? ""} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field name="postalCode" label={t("postalCode")} autoComplete="off" defaultValue={contact?.postalCode ?? ""} />
        <Field name="city" label={t("city")} autoComplete="off" defaultValue={contact?.city ?? ""} />
      </div>
    </>
  );
}

/**
 * The owner / driver details of a stock car: "Details" opens the contact details, which staff change
 * to the buyer's and confirm. Leaving the profile asks whether to transfer (LeaveGuard).
 */
export function StockTransferPanel({ passportId, locale, fleetName, guard }: { passportId: string; locale: string; fleetName: string | null; guard: boolean }) {
  const t = useTranslations("passports.contact");
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const openDetails = () => {
    setOpen(true);
    setTimeout(() => {
      formRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
      formRef.current?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
    }, 50);
  };
  return (
    <div className="space-y-4">
      <LeaveGuard enabled={guard && !open} onTransfer={openDetails} />
      <p className="text-sm text-zinc-700">{t("stockLead")}</p>
      {fleetName ? <Alert tone="info">{t("fleetWarning", { name: fleetName })}</Alert> : null}
      <button type="button" onClick={() => (open ? setOpen(false) : openDetails())} aria-expanded={open} aria-controls="transfer-details" className={buttonClass("secondary")}>
        {open ? <ChevronUp aria-hidden className="size-4" /> : <ChevronDown aria-hidden className="size-4" />}
        {t("details")}
      </button>
      <div id="transfer-details" ref={formRef} hidden={!open}>
        {open ? (
          <ActionForm action={confirmTransferAction} className="rounded-lg border border-zinc-200 bg-zinc-50 p-4">
            <h3 className="text-sm font-semibold">{t("formTitle")}</h3>
            <input type="hidden" name="passportId" value={passportId} />
            <ContactFields />
            <Field name="email" type="email" label={t("email")} autoComplete="off" required />
            <Field name="emailConfirm" type="email" label={t("emailConfirm")} hint={t("emailHint")} autoComplete="off" required onPaste={(e) => e.preventDefault()} />
            <SelectField name="locale" label={t("language")} defaultValue={locale} options={[{ value: "nl", label: "Nederlands" }, { value: "en", label: "English" }]} />
            <SubmitButton className="bg-green-600 hover:bg-green-700">
              <Check aria-hidden className="size-4" />
              {t("confirm")}
            </SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    </div>
  );
}

/** After confirmation: name and address can still be corrected, the e-mail no longer. */
export function ContactDetailsForm({ passportId, contact, email }: { passportId: string; contact: { name: string | null; street: string | null; postalCode: string | null; city: string | null }; email: string }) {
  const t = useTranslations("passports.contact");
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className={cn(buttonClass("ghost"), "px-2")}>
        {open ? <ChevronUp aria-hidden className="size-4" /> : <ChevronDown aria-hidden className="size-4" />}
        {t("editContact")}
      </button>
      {open ? (
        <ActionForm action={updateContactAction} success={t("saved")} className="mt-2 rounded-lg border border-zinc-200 bg-zinc-50 p-4">
          <input type="hidden" name="passportId" value={passportId} />
          <ContactFields contact={contact} />
          <div>
            <label htmlFor="locked-email" className="block text-sm font-medium text-zinc-800">
              {t("email")}
            </label>
            <input id="locked-email" value={email} readOnly disabled aria-describedby="locked-email-hint" className="mt-1 block w-full rounded-lg border border-zinc-200 bg-zinc-100 px-3 py-2 text-sm text-zinc-600" />
            <p id="locked-email-hint" className="mt-1 text-xs text-zinc-500">
              {t("emailLocked")}
            </p>
          </div>
          <SubmitButton variant="secondary">{t("saveContact")}</SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}

export function CancelTransferButton({ passportId }: { passportId: string }) {
  const t = useTranslations("passports.contact");
  return (
    <ActionForm action={cancelTransferAction} className="space-y-0">
      <input type="hidden" name="passportId" value={passportId} />
      <SubmitButton variant="secondary">
        <X aria-hidden className="size-4" />
        {t("cancel")}
      </SubmitButton>
    </ActionForm>
  );
}

export function CorrectEmailForm({ transferId }: { transferId: string }) {
  const t = useTranslations("passports.support");
  return (
    <ActionForm action={correctTransferEmailAction} className="space-y-3">
      <input type="hidden" name="transferId" value={transferId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="email" type="email" label={t("newEmail")} autoComplete="off" required />
        <Field name="emailConfirm" type="email" label={t("newEmailConfirm")} autoComplete="off" required />
      </div>
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** The buyer's answer to a transfer notification in their garage. */
export function TransferOfferActions({ transferId, declineOnly }: { transferId: string; declineOnly?: boolean }) {
  const t = useTranslations("passports.offers");
  return (
    <div className="flex flex-wrap gap-2">
      {declineOnly ? null : (
        <ActionForm action={acceptTransferAction} className="space-y-0">
          <input type="hidden" name="transferId" value={transferId} />
          <SubmitButton>
            <Check aria-hidden className="size-4" />
            {t("accept")}
          </SubmitButton>
        </ActionForm>
      )}
      <ActionForm action={declineTransferAction} className="space-y-0">
        <input type="hidden" name="transferId" value={transferId} />
        <SubmitButton variant="secondary">{t("decline")}</SubmitButton>
      </ActionForm>
    </div>
  );
}

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

export function EndRelationshipForm({ vehicleId, garage }: { vehicleId: string; garage: string }) {
  const t = useTranslations("passports.ownerView");
  return (
    <ActionForm action={endServiceRelationshipAction} className="space-y-0">
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <SubmitButton variant="secondary">{t("end", { garage })}</SubmitButton>
    </ActionForm>
  );
}
