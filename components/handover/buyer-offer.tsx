import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Car } from "@/components/ui/icons";
import { hasKey } from "@/i18n/keys";
import { Card } from "@/components/ui/primitives";
import { PlateText } from "@/components/passports/plate";
import { HistoryTimeline, MileageSection } from "@/components/dossier/history-section";
import type { BuyerHandover } from "@/lib/handover/queries";

/**
 * A waiting handover as its buyer sees it before deciding (docs/decisions/0034): the car, its
 * history and what comes with it, then the decision (`children`). Shown behind the e-mailed link
 * and, for an existing account, on the handover's page in the garage. Nothing of the seller.
 */
export async function BuyerOffer({ h, children }: { h: BuyerHandover; children: ReactNode }) {
  const [t, tp, format] = await Promise.all([getTranslations("handover.buyer"), getTranslations("products"), getFormatter()]);
  const car = `${h.car.make} ${h.car.model}`;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Card>
        <div className="flex items-start gap-3">
          <Car aria-hidden className="mt-1 size-6 shrink-0 text-brand-600" />
          <div className="min-w-0">
            <h1 className="text-xl font-semibold break-words">{t("title", { car })}</h1>
            <p className="mt-1 text-zinc-700">
              {h.car.modelYear} · {h.car.plate ? <PlateText plate={h.car.plate} /> : `…${h.car.vinEnd}`}
            </p>
            <p className="mt-2 text-sm text-zinc-700">{t("lead", { name: h.buyerName, date: format.dateTime(h.expiresAt, "date") })}</p>
          </div>
        </div>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-500">{t("soldOn")}</dt>
          <dd>{format.dateTime(h.soldOn, "date")}</dd>
          <dt className="text-zinc-500">{t("mileage")}</dt>
          <dd data-testid="handover-mileage">{format.number(h.mileageKm, "km")}</dd>
        </dl>
        <div className="mt-4">
          <h2 className="text-sm font-semibold">{t("contractsTitle")}</h2>
          {h.contracts.length ? (
            <ul className="mt-1 list-disc pl-5 text-sm text-zinc-700" data-testid="handover-contracts">
              {h.contracts.map((c, i) => (
                <li key={i}>
                  {hasKey(tp, c.product) ? tp(c.product) : c.product}
                  {c.endsAt ? ` · ${format.dateTime(c.endsAt, "date")}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-zinc-600">{t("noContracts")}</p>
          )}
        </div>
      </Card>
      <section className="space-y-4" aria-label={t("historyTitle")}>
        <h2 className="font-semibold">{t("historyTitle")}</h2>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <MileageSection mileage={h.history.mileage} />
          <HistoryTimeline entries={h.history.entries} />
        </div>
      </section>
      <Card className="space-y-4">{children}</Card>
    </div>
  );
}
