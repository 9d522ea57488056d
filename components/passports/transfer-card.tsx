import { getFormatter, getTranslations } from "next-intl/server";
import { Lock, UserCheck } from "@/components/ui/icons";
import { Alert } from "@/components/ui/primitives";
import type { PassportProfile } from "@/lib/passports/queries/staff-profile";
import { passportRules } from "@/lib/passports/rules";
import { CancelTransferButton, StockTransferPanel } from "./transfer-form";
import { ContactDetailsForm } from "./contact-form";

/** The owner / driver details of the customer profile, by the car's state: stock, transfer pending, transferred. */
export async function TransferCard({ profile: p, locale }: { profile: PassportProfile; locale: string }) {
  const [t, format] = await Promise.all([getTranslations("passports.contact"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "date");
  if (!p.pending && p.inStock) {
    return <StockTransferPanel passportId={p.id} locale={locale} fleetName={p.fleetAccount?.name ?? null} guard={!p.fleetAccountId} />;
  }
  const transfer = p.pending ?? p.accepted;
  // Name and address while the transfer waits for the buyer; once the buyer holds the car, they keep them.
  const canEditContact = passportRules(p).contact;
  const contact = { name: p.contactName, street: p.contactStreet, postalCode: p.contactPostalCode, city: p.contactCity };
  const address = [p.contactStreet, [p.contactPostalCode, p.contactCity].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <div className="space-y-4">
      {p.pending ? (
        <Alert tone={p.pending.expired ? "error" : "info"} testId="transfer-pending" className="wrap-anywhere">
          <span className="font-medium">{t("pendingTitle")}</span>{" "}
          {p.pending.expired
            ? t("pendingExpired")
            : t("pendingLead", { email: p.pending.email, date: date(p.pending.confirmedAt), expires: date(p.pending.expiresAt) })}
        </Alert>
      ) : (
        <p className="flex items-start gap-2 text-sm text-zinc-700" data-testid="transferred">
          <UserCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-green-700" />
          {t("transferredLead", { date: p.ownerSince ? date(p.ownerSince) : p.accepted?.decidedAt ? date(p.accepted.decidedAt) : "—" })}
        </p>
      )}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm wrap-anywhere">
        <dt className="text-zinc-500">{t("name")}</dt>
        <dd data-testid="contact-name">{p.contactName ?? transfer?.name ?? "—"}</dd>
        <dt className="text-zinc-500">{t("address")}</dt>
        <dd>{address || "—"}</dd>
        <dt className="text-zinc-500">{t("email")}</dt>
        <dd className="flex min-w-0 items-center gap-1" data-testid="contact-email">
          {/* A long address wraps where it must instead of widening the page. */}
          <span className="min-w-0 wrap-anywhere">{transfer?.email ?? p.contactEmail ?? "—"}</span>
          <Lock aria-label={t("emailLockedShort")} className="size-3.5 shrink-0 text-zinc-400" />
        </dd>
      </dl>
      <p className="text-xs text-zinc-500" data-testid="contact-lock">
        {canEditContact ? t("emailLocked") : t("contactAfterSale")}
      </p>
      <div className="flex flex-wrap items-start gap-3">
        {p.pending ? <CancelTransferButton passportId={p.id} /> : null}
        {transfer && canEditContact ? <ContactDetailsForm passportId={p.id} contact={contact} email={transfer.email} /> : null}
      </div>
    </div>
  );
}
