import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Alert, buttonClass } from "@/components/ui/primitives";
import { BuyerOffer } from "@/components/handover/buyer-offer";
import { AcceptHandoverForm, AcceptHandoverWithAccountForm, DeclineHandoverForm } from "@/components/handover/forms";
import { getBuyerHandover } from "@/lib/handover/queries";
import { getActor } from "@/lib/server/session";

/**
 * A handover as its buyer sees it behind the e-mailed link (docs/decisions/0034): the car, its
 * history and what comes with it, then accept or decline. Signed in with another address, or an
 * unknown link, it does not exist. Nothing of the seller is shown.
 */
export default async function BuyerHandoverPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  const actor = await getActor();
  const h = await getBuyerHandover(token, actor);
  if (!h) notFound();
  const t = await getTranslations("handover.buyer");
  if (h.state !== "open") {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <Alert tone={h.state === "accepted" ? "info" : "error"} testId="handover-state">{t(`states.${h.state}`)}</Alert>
        {h.state === "accepted" && actor ? (
          <Link href="/garage" className={buttonClass("secondary")}>
            {t("openGarage")}
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <BuyerOffer h={h}>
      {actor ? (
        <AcceptHandoverForm token={token} />
      ) : (
        <div className="space-y-6">
          <AcceptHandoverWithAccountForm token={token} locale={locale} email={h.buyerEmail} />
          <p className="border-t pt-4 text-sm text-zinc-600">
            {t("haveAccount")}{" "}
            <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/handovers/${token}`)}`} className="text-brand-600 hover:underline">
              {t("signInToAccept")}
            </Link>
          </p>
        </div>
      )}
      <div className="border-t pt-4">
        <DeclineHandoverForm token={token} />
      </div>
    </BuyerOffer>
  );
}
