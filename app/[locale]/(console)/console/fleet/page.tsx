import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { requireActor } from "@/lib/server/guards";
import { isFleetMember } from "@/lib/fleet/access";
import { listFleetCars } from "@/lib/fleet/queries";

export async function generateMetadata() {
  const t = await getTranslations("fleet");
  return { title: t("title") };
}

/** The fleet manager's console: the cars linked to their fleet account(s). Anyone else: not found. */
export default async function FleetCarsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "console:use");
  if (!isFleetMember(actor)) notFound();
  const [cars, t, tp, format] = await Promise.all([listFleetCars(actor), getTranslations("fleet"), getTranslations("passports"), getFormatter()]);
  const multiple = new Set(cars.map((c) => c.fleet)).size > 1;
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      <Card>
        {cars.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y" data-testid="fleet-cars">
            {cars.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="fleet-car">
                <div className="flex flex-wrap items-center gap-3">
                  <PlateBadge plate={c.plate} />
                  <div>
                    <Link href={`/console/fleet/${c.id}`} className="font-medium text-brand-600 hover:underline">
                      {c.vehicle.make} {c.vehicle.model} <span className="font-normal text-zinc-500">{c.vehicle.modelYear}</span>
                    </Link>
                    <p className="text-xs text-zinc-500">
                      {[multiple ? c.fleet : null, c.garage, `${t("columns.costs")}: ${format.number(c.totalCents / 100, "eur")}`, `${t("columns.maintenance")}: ${c.openMaintenance}`]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Badge>{tp(`statuses.${c.status}`)}</Badge>
                  {c.unlinkRequested ? <Badge tone="amber">{t("unlinkRequested")}</Badge> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
