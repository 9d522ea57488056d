import { getFormatter, getTranslations } from "next-intl/server";
import { Car } from "@/components/ui/icons";
import { hasKey } from "@/i18n/keys";
import { Link } from "@/i18n/navigation";
import { Alert, Card, buttonClass } from "@/components/ui/primitives";
import { AcceptInvitationForm, AcceptWithAccountForm } from "@/components/linking/forms";
import { getInvitationByToken } from "@/lib/linking/queries";
import { getActor } from "@/lib/server/session";

export default async function InvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  const [t, tp, td, format, inv, actor] = await Promise.all([getTranslations("linking"), getTranslations("products"), getTranslations("dispute"), getFormatter(), getInvitationByToken(token), getActor()]);
  if (!inv) {
    return (
      <div className="mx-auto max-w-lg">
        <Alert tone="error" testId="invitation-state">{t("invitationStates.invalid")}</Alert>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <Card>
        <div className="flex items-start gap-3">
          <Car aria-hidden className="mt-1 size-6 text-brand-600" />
          <div>
            <h1 className="text-xl font-semibold">{t("invitationTitle", { dealer: inv.dealer })}</h1>
            <p className="mt-1 text-zinc-700">
              {inv.car.make} {inv.car.model} · {inv.car.modelYear} · {t("vinEnding", { end: inv.car.vinEnd })}
            </p>
          </div>
        </div>
        {inv.contracts.length ? (
          <div className="mt-4">
            <h2 className="text-sm font-semibold">{t("includedContracts")}</h2>
            <ul className="mt-1 list-disc pl-5 text-sm text-zinc-700">
              {inv.contracts.map((c) => (
                <li key={c.product}>
                  {hasKey(tp, c.product) ? tp(c.product) : c.product} · {t("monthsCount", { count: c.durationMonths })}
                  {c.autoRenew ? ` · ${t("autoRenew")}` : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
      <Card>
        {inv.state === "superseded" ? (
          // Not an error of the buyer's: the dealer sent the invitation again, with a new link.
          <Alert tone="info" testId="invitation-state">
            {t("invitationStates.superseded", { dealer: inv.dealer, date: format.dateTime(inv.lastSentAt, "date") })}
          </Alert>
        ) : inv.state === "taken" ? (
          // The car is on another owner's account: the buyer claims it with documents (docs/decisions/0035).
          <div className="space-y-3">
            <Alert tone="error" testId="invitation-state">{t(`invitationStates.${inv.state}`)}</Alert>
            <p className="text-sm text-zinc-700">{td("invitationHint")}</p>
            <Link href="/garage/verifications/new" className={buttonClass("secondary")}>
              {td("invitationAddCar")}
            </Link>
          </div>
        ) : inv.state !== "sent" ? (
          <Alert tone="error" testId="invitation-state">{t(`invitationStates.${inv.state}`)}</Alert>
        ) : actor ? (
          actor.email === inv.email ? (
            <AcceptInvitationForm token={token} />
          ) : (
            <Alert tone="error" testId="invitation-state">{t("invitationOtherAccount", { email: actor.email })}</Alert>
          )
        ) : (
          <div className="space-y-6">
            <AcceptWithAccountForm token={token} locale={locale} email={inv.email} />
            <p className="border-t pt-4 text-sm text-zinc-600">
              {t("haveAccount")}{" "}
              <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/invitations/${token}`)}`} className="text-brand-600 hover:underline">
                {t("signInToAccept")}
              </Link>
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
