import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowRightLeft } from "@/components/ui/icons";
import { Card } from "@/components/ui/primitives";
import type { PlateCountry } from "@/lib/server/plate";
import { PlateBadge } from "./plate";
import { TransferOfferActions } from "./transfer-offer-actions";

export interface TransferOffer {
  id: string;
  confirmedAt: Date;
  expiresAt: Date;
  garage: string;
  make: string;
  model: string;
  modelYear: number;
  plate: { plate: string; country: PlateCountry } | null;
}

/** The owner's garage: cars a garage wants to hand over, to accept or decline. */
export async function TransferOffers({ offers }: { offers: TransferOffer[] }) {
  if (offers.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("passports.offers"), getFormatter()]);
  return (
    <section aria-labelledby="transfer-offers-title" className="mb-6 space-y-3">
      <h2 id="transfer-offers-title" className="flex items-center gap-2 text-lg font-semibold">
        <ArrowRightLeft aria-hidden className="size-5 text-brand-600" />
        {t("title")}
      </h2>
      {offers.map((o) => (
        <Card key={o.id} data-testid="transfer-offer" className="border-brand-100 bg-brand-50">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <div className="space-y-1">
              <p className="font-medium">{t("item", { garage: o.garage, car: `${o.make} ${o.model}` })}</p>
              <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
                <PlateBadge plate={o.plate} className="text-xs" /> {o.modelYear} · {t("until", { date: format.dateTime(o.expiresAt, "date") })}
              </p>
            </div>
            <TransferOfferActions transferId={o.id} />
          </div>
        </Card>
      ))}
    </section>
  );
}
