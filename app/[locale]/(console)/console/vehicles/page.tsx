import { getFormatter, getTranslations } from "next-intl/server";
import { IdCard } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { DisconnectButton, RelinkForm } from "@/components/linking/forms";
import { requireActor } from "@/lib/server/guards";
import { listDealerVehicles } from "@/lib/linking/queries";
import { PlateText } from "@/components/passports/plate";

export default async function DealerVehiclesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string; linked?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "vehicles:link");
  const [t, format, rows] = await Promise.all([getTranslations("linking"), getFormatter(), listDealerVehicles(actor, (sp.q ?? "").slice(0, 254))]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle sub={t("vehiclesLead")} className="mb-0">
          {t("vehicles")}
        </PageTitle>
        <Link href="/console/vehicles/verify" className={buttonClass("primary")}>
          <IdCard aria-hidden className="size-4" />
          {t("deskVerification")}
        </Link>
      </div>
      {sp.linked ? <Alert tone="success" testId="notice">{t("linkedNotice")}</Alert> : null}
      <form role="search" className="flex gap-2">
        <label htmlFor="q" className="sr-only">{t("search")}</label>
        <input id="q" name="q" defaultValue={sp.q} placeholder={t("searchPlaceholder")} className="w-full max-w-sm rounded-lg border border-zinc-300 px-3 py-2 text-sm" />
        <button className={buttonClass("secondary")}>{t("search")}</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>{t("noVehicles")}</EmptyState>
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y">
            {rows.map((h) => (
              <li key={h.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-testid="dealer-vehicle">
                <div className="min-w-0">
                  <p className="font-medium">
                    {h.vehicle.make} {h.vehicle.model} <span className="text-zinc-500">{h.vehicle.modelYear}</span>
                    {h.vehicle.plates[0] ? <PlateText plate={h.vehicle.plates[0]} className="ml-2 text-sm" /> : null}
                  </p>
                  <p className="truncate font-mono text-xs text-zinc-600">{h.vehicle.vin}</p>
                  <p className="text-sm text-zinc-600 wrap-anywhere">
                    {`${h.user?.firstName ?? ""} ${h.user?.lastName ?? ""}`.trim()} · {h.user?.email} · {h.kind === "STOCK" ? null : t(`relationships.${h.kind}`)} · {format.dateTime(h.startedAt, "date")}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  {h.disconnectedAt ? <Badge tone="amber">{t("disconnected")}</Badge> : <Badge tone="green">{t("connected")}</Badge>}
                  {h.disconnectedAt ? (
                    <RelinkForm holdingId={h.id} />
                  ) : (
                    <DisconnectButton holdingId={h.id} owner={`${h.user?.firstName ?? ""} ${h.user?.lastName ?? ""}`.trim() || (h.user?.email ?? "")} car={`${h.vehicle.make} ${h.vehicle.model}`} />
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
