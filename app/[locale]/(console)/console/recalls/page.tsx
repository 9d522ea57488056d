import { getFormatter, getTranslations } from "next-intl/server";
import { Plus } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { requireActor } from "@/lib/server/guards";
import { listCampaigns } from "@/lib/recalls/queries";

export async function generateMetadata() {
  const t = await getTranslations("recalls.console");
  return { title: t("title") };
}

/** Central support's recall campaigns: what each covers, how many cars it reached, how many are still open. */
export default async function RecallsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "recalls:register");
  const [t, format, campaigns] = await Promise.all([getTranslations("recalls.console"), getFormatter(), listCampaigns(actor, locale)]);
  const years = (from: number | null, to: number | null) =>
    from && to ? t("yearsRange", { from: String(from), to: String(to) }) : from ? t("yearsFrom", { from: String(from) }) : to ? t("yearsTo", { to: String(to) }) : t("yearsAll");
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      <Link href="/console/recalls/new" className={buttonClass("primary")} data-testid="new-campaign">
        <Plus aria-hidden className="size-4" />
        {t("newLink")}
      </Link>
      {campaigns.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {campaigns.map((c) => (
            <li key={c.id}>
              <Card data-testid="campaign-row">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium break-words">
                    <span className="font-mono text-sm">{c.code}</span> · {c.title}
                  </p>
                  <p className="text-xs text-zinc-500">
                    {t("registered")}: {format.dateTime(c.createdAt, "date")}
                  </p>
                </div>
                <p className="text-sm text-zinc-600 break-words">
                  {c.make && c.model ? t("scopeModel", { make: c.make, model: c.model, years: years(c.yearFrom, c.yearTo) }) : t("scopeVins", { count: c.vinCount })}
                </p>
                <p className="text-sm">
                  {t("cars")}: <span data-testid="campaign-cars">{c.cars}</span> · {t("open")}: <span data-testid="campaign-open">{c.open}</span>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
