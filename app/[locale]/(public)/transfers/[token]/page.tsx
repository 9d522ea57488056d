import { getFormatter, getTranslations } from "next-intl/server";
import { Car } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Card } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { AcceptByLinkForm, DeclineByLinkForm, NewAccountTransferForm } from "@/components/passports/transfer-link-forms";
import { TransferOfferActions } from "@/components/passports/transfer-offer-actions";
import { getTransferByToken } from "@/lib/passports/queries/transfer-link";
import { getActor } from "@/lib/server/session";

/**
 * The link of a transfer e-mail. A buyer without an account chooses a password here, which
 * activates the account and makes them the owner in one go; an existing user signs in and accepts
 * or declines.
 */
export default async function TransferLinkPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  const [t, format, transfer, actor] = await Promise.all([getTranslations("passports.link"), getFormatter(), getTransferByToken(token), getActor()]);
  if (!transfer) {
    return (
      <div className="mx-auto max-w-lg">
        <Alert tone="error" testId="transfer-state">{t("states.invalid")}</Alert>
      </div>
    );
  }
  const { car } = transfer;
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <Card>
        <div className="flex items-start gap-3">
          <Car aria-hidden className="mt-1 size-6 text-brand-600" />
          <div className="space-y-2">
            <h1 className="text-xl font-semibold">{t("title", { garage: transfer.garage, car: `${car.make} ${car.model}` })}</h1>
            <p className="flex flex-wrap items-center gap-2 text-zinc-700">
              <PlateBadge plate={car.plate} /> {car.modelYear}
            </p>
            <p className="text-sm text-zinc-600">{t("lead")}</p>
            {transfer.totalCents > 0 ? (
              <p className="text-sm text-zinc-600">{t("totalCosts", { amount: format.number(transfer.totalCents / 100, "eur") })}</p>
            ) : null}
          </div>
        </div>
      </Card>
      <Card>
        {transfer.state !== "valid" ? (
          <Alert tone={transfer.state === "accepted" ? "info" : "error"} testId="transfer-state">
            {t(`states.${transfer.state}`)}
          </Alert>
        ) : actor ? (
          actor.userId === transfer.recipientId ? (
            <div className="space-y-3">
              <p className="text-sm text-zinc-700">{t("signedInLead", { email: transfer.email })}</p>
              <AcceptByLinkForm token={token} />
              <TransferOfferActions transferId={transfer.id} declineOnly />
            </div>
          ) : (
            <Alert tone="error" testId="transfer-state">{t("otherAccount", { email: actor.email })}</Alert>
          )
        ) : transfer.newAccount ? (
          <div className="space-y-4">
            <p className="text-sm text-zinc-700">{t("newAccount", { email: transfer.email })}</p>
            <NewAccountTransferForm token={token} locale={locale} />
            <div className="border-t pt-3">
              <DeclineByLinkForm token={token} />
            </div>
          </div>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-zinc-700">{t("signIn", { email: transfer.email })}</p>
            <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/transfers/${token}`)}`} className="font-medium text-brand-600 hover:underline">
              {t("signInAction")}
            </Link>
          </div>
        )}
      </Card>
    </div>
  );
}
