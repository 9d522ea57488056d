import { getFormatter, getTranslations } from "next-intl/server";
import { Plus } from "@/components/ui/icons";
import { CarPhoto } from "@/components/dossier/car-photo";
import { Alert, Badge, Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { MyRequests } from "@/components/verification/my-requests";
import { listMyRequests } from "@/lib/verification/queries";
import { Link } from "@/i18n/navigation";
import { requireActor } from "@/lib/server/guards";
import { listGarage } from "@/lib/vehicles/queries";
import type { ContractSummary } from "@/lib/vehicles/contract-summary";
import { hasKey } from "@/i18n/keys";
import { PlateText } from "@/components/passports/plate";
import { listTransferOffers } from "@/lib/passports/queries/transfer-offers";
import { TransferOffers } from "@/components/passports/transfer-offers";
import { listHolderOpenDisputes } from "@/lib/disputes/queries";

export async function generateMetadata() {
  const t = await getTranslations("garage");
  return { title: t("title") };
}

export default async function GaragePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ removed?: string; left?: string; handover?: string }> }) {
  const { locale } = await params;
  const { removed, left, handover } = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  const [t, format, vehicles, requests] = await Promise.all([getTranslations("garage"), getFormatter(), listGarage(actor), listMyRequests(actor)]);
  const [offers, disputes, td] = await Promise.all([listTransferOffers(actor), listHolderOpenDisputes(actor), getTranslations("dispute")]);
  const [tp, tf, th] = await Promise.all([getTranslations("products"), getTranslations("carFace"), getTranslations("handover")]);
  const date = (d: Date) => format.dateTime(d, "date");
  const product = (code: string) => (hasKey(tp, code) ? tp(code) : code);
  // Which contract ends first, so that "2 active contracts" never reads as if both end on one date.
  const summary = (c: ContractSummary): string | null => {
    switch (c.kind) {
      case "none":
        return null;
      case "one":
        return c.endsAt ? t("contractsOne", { product: product(c.product), date: date(c.endsAt) }) : product(c.product);
      case "first":
        return t("contractsFirst", { product: product(c.product), date: date(c.endsAt) });
      case "together":
        return c.ending === c.count ? t("contractsAllEnd", { count: c.count, date: date(c.endsAt) }) : t("contractsSomeEnd", { ending: c.ending, date: date(c.endsAt) });
      case "open":
        return null;
    }
  };
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <PageTitle sub={t("lead")} className="mb-0">
          {t("title")}
        </PageTitle>
        <Link href="/garage/verifications/new" className={buttonClass("primary")}>
          <Plus aria-hidden className="size-4" />
          {t("addCar")}
        </Link>
      </div>
      {removed ? <Alert tone="success" className="mb-4" testId="notice">{t("removedNotice")}</Alert> : null}
      {left ? <Alert tone="success" className="mb-4" testId="notice">{t("leftNotice")}</Alert> : null}
      {handover === "accepted" ? <Alert tone="success" className="mb-4" testId="notice">{th("acceptedNotice")}</Alert> : null}
      <TransferOffers offers={offers} />
      {disputes.length ? (
        // Someone claims one of these cars (docs/decisions/0035): the answer waits on its page.
        <Alert tone="warning" className="mb-4" testId="dispute-notice">
          <p>{td("garageNotice", { count: disputes.length })}</p>
          <ul className="mt-1 list-disc ps-5">
            {disputes.map((d) => (
              <li key={d.id}>
                <Link href={`/garage/disputes/${d.id}`} className="font-medium underline">
                  {td("garageAnswer", { car: d.car, date: date(d.respondBy) })}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {vehicles.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2" aria-label={t("title")}>
          {vehicles.map((v) => (
            <li key={v.id}>
              <Card className={v.disconnected ? "border-dashed bg-zinc-50" : undefined} data-testid="garage-vehicle">
                <div className="flex items-start gap-3">
                  <CarPhoto vehicleId={v.id} version={v.photoVersion} alt={tf("photoAlt", { car: v.nickname ?? `${v.make} ${v.model}` })} className="size-16 shrink-0 sm:size-20" />
                  <div className="min-w-0 flex-1">
                    <h2 className="font-semibold">
                      <Link href={`/garage/vehicles/${v.id}`} className="hover:underline">
                        {v.nickname ?? `${v.make} ${v.model}`}
                      </Link>{" "}
                      <span className="font-normal text-zinc-500">{v.modelYear}</span>
                    </h2>
                    {v.nickname ? <p className="text-sm text-zinc-600" data-testid="garage-model">{`${v.make} ${v.model}`}</p> : null}
                    {/* Labels above their values: a long label ("VIN (chassisnummer)") never squeezes the VIN. */}
                    <dl className="mt-2 grid grid-cols-1 text-sm [&>dd]:mb-1.5 [&>dt]:text-xs">
                      <dt className="text-zinc-500">{t("plate")}</dt>
                      <dd>
                        <PlateText plate={v.plate ? { plate: v.plate, country: v.plateCountry } : null} />
                      </dd>
                      <dt className="text-zinc-500">{t("vin")}</dt>
                      {/* The whole VIN, never cut; only a card narrower than the VIN breaks it. */}
                      <dd className="break-all font-mono" data-testid="garage-vin">
                        {v.vin}
                      </dd>
                      <dt className="text-zinc-500">{t("contracts")}</dt>
                      <dd>
                        {v.activeContracts > 0 ? <Badge tone="green">{t("activeContracts", { count: v.activeContracts })}</Badge> : <Badge>{t("noContracts")}</Badge>}
                        {summary(v.contracts) ? (
                          <p className="mt-1 text-xs text-zinc-600" data-testid="contracts-summary">
                            {summary(v.contracts)}
                          </p>
                        ) : null}
                      </dd>
                    </dl>
                    {v.relationship === "DRIVER" || v.disconnected ? (
                      <div className="mt-3 flex flex-wrap gap-2">
                        {v.relationship === "DRIVER" ? <Badge tone="blue">{t("driver")}</Badge> : null}
                        {v.disconnected ? <Badge tone="amber">{t("disconnected")}</Badge> : null}
                      </div>
                    ) : null}
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <MyRequests requests={requests} />
    </div>
  );
}
