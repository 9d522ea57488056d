import { getFormatter, getTranslations } from "next-intl/server";
import { Car, Plus } from "lucide-react";
import { Alert, Badge, Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { MyRequests } from "@/components/verification/my-requests";
import { listMyRequests } from "@/lib/verification/queries";
import { Link } from "@/i18n/navigation";
import { requireActor } from "@/lib/server/guards";
import { listGarage } from "@/lib/vehicles/queries";
import { formatPlate } from "@/lib/server/plate";
import { listTransferOffers } from "@/lib/passports/queries/transfer-offers";
import { TransferOffers } from "@/components/passports/transfer-offers";

export async function generateMetadata() {
  const t = await getTranslations("garage");
  return { title: t("title") };
}

export default async function GaragePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ removed?: string }> }) {
  const { locale } = await params;
  const { removed } = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  const [t, format, vehicles, requests] = await Promise.all([getTranslations("garage"), getFormatter(), listGarage(actor), listMyRequests(actor)]);
  const offers = await listTransferOffers(actor);
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
        <Link href="/garage/verifications/new" className={buttonClass("primary")}>
          <Plus aria-hidden className="size-4" />
          {t("addCar")}
        </Link>
      </div>
      {removed ? <Alert tone="success" className="mb-4" testId="notice">{t("removedNotice")}</Alert> : null}
      <TransferOffers offers={offers} />
      {vehicles.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2" aria-label={t("title")}>
          {vehicles.map((v) => (
            <li key={v.id}>
              <Card className={v.disconnected ? "opacity-60" : undefined} data-testid="garage-vehicle">
                <div className="flex items-start gap-3">
                  <Car aria-hidden className="mt-1 size-6 text-zinc-400" />
                  <div className="min-w-0 flex-1">
                    <h2 className="font-semibold">
                      <Link href={`/garage/vehicles/${v.id}`} className="hover:underline">
                        {v.nickname ?? `${v.make} ${v.model}`}
                      </Link>{" "}
                      <span className="font-normal text-zinc-500">{v.modelYear}</span>
                    </h2>
                    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-zinc-500">{t("plate")}</dt>
                      <dd className="font-mono">{v.plate ? formatPlate(v.plate, v.plateCountry) : "—"}</dd>
                      <dt className="text-zinc-500">{t("vin")}</dt>
                      <dd className="truncate font-mono">{v.vin}</dd>
                      <dt className="text-zinc-500">{t("contracts")}</dt>
                      <dd>
                        {v.activeContracts > 0 ? (
                          <Badge tone="green">
                            {t("activeContracts", { count: v.activeContracts })}
                            {v.nextContractEnd ? ` · ${t("until", { date: format.dateTime(v.nextContractEnd, "date") })}` : ""}
                          </Badge>
                        ) : (
                          <Badge>{t("noContracts")}</Badge>
                        )}
                      </dd>
                    </dl>
                    <div className="mt-3 flex gap-2">
                      {v.relationship === "DRIVER" ? <Badge tone="blue">{t("driver")}</Badge> : null}
                      {v.disconnected ? <Badge tone="amber">{t("disconnected")}</Badge> : null}
                    </div>
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
