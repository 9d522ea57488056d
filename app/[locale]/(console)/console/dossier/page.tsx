import { getFormatter, getTranslations } from "next-intl/server";
import { Search } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { requireActor } from "@/lib/server/guards";
import { findServicedCars } from "@/lib/dossier/queries";

export async function generateMetadata() {
  const t = await getTranslations("dossier");
  return { title: t("title") };
}

/** Staff find a car their organisation services (by plate or VIN) to record work on it. */
export default async function DossierSearchPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "service:record");
  const q = (sp.q ?? "").slice(0, 60);
  const [t, format, cars] = await Promise.all([getTranslations("dossier"), getFormatter(), findServicedCars(actor, q)]);
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      <form role="search" className="flex w-full gap-2 sm:w-auto">
        <label htmlFor="dossier-q" className="sr-only">
          {t("searchLabel")}
        </label>
        <input id="dossier-q" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm sm:w-72" />
        <button className={buttonClass("secondary")}>
          <Search aria-hidden className="size-4" />
          {t("search")}
        </button>
      </form>
      {cars.length === 0 ? (
        <EmptyState>{q ? t("noResults") : t("empty")}</EmptyState>
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y">
            {cars.map((c) => (
              <li key={c.id} data-testid="dossier-car">
                <Link href={`/console/dossier/${c.id}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-zinc-50">
                  <div className="flex min-w-0 items-center gap-3">
                    <PlateBadge plate={c.plate} />
                    <div className="min-w-0">
                      <p className="font-medium">
                        {c.make} {c.model} <span className="text-zinc-500">{c.modelYear}</span>
                      </p>
                      <p className="truncate font-mono text-xs text-zinc-600">{c.vin}</p>
                    </div>
                  </div>
                  <span className="text-sm text-zinc-600">{c.mileageKm != null ? format.number(c.mileageKm, "km") : ""}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
