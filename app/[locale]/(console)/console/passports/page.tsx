import { getFormatter, getTranslations } from "next-intl/server";
import { Plus, Search } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Badge, Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { cn } from "@/components/ui/cn";
import { PlateBadge } from "@/components/passports/plate";
import { requireActor } from "@/lib/server/guards";
import { listPassports, type StockView } from "@/lib/passports/queries/stock-list";

export async function generateMetadata() {
  const t = await getTranslations("passports");
  return { title: t("title") };
}

const STATUS_TONE = { IN_STOCK: "zinc", RESERVED: "amber", SOLD: "blue", DELIVERED: "green" } as const;

export default async function PassportsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string; cursor?: string; view?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "passports:manage");
  const view: StockView = sp.view === "customers" ? "customers" : "stock";
  const q = (sp.q ?? "").slice(0, 60);
  const [t, format, { items, nextCursor }] = await Promise.all([getTranslations("passports"), getFormatter(), listPassports(actor, { q, cursor: sp.cursor?.slice(0, 40), view })]);
  const href = (extra: Record<string, string | undefined>) => {
    const s = new URLSearchParams(Object.entries({ view, q: q || undefined, ...extra }).filter((e): e is [string, string] => !!e[1]));
    return `/console/passports?${s.toString()}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle sub={t("lead")} className="mb-0">
          {t("title")}
        </PageTitle>
        <Link href="/console/passports/new" className={buttonClass("primary")}>
          <Plus aria-hidden className="size-4" />
          {t("new")}
        </Link>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("viewsLabel")} className="inline-flex rounded-lg border border-zinc-200 bg-white p-1 text-sm">
          {(["stock", "customers"] as const).map((v) => (
            <Link
              key={v}
              href={`/console/passports?view=${v}`}
              aria-current={v === view ? "page" : undefined}
              className={cn("rounded-md px-3 py-1.5", v === view ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100")}
            >
              {t(`views.${v}`)}
            </Link>
          ))}
        </nav>
        <form role="search" className="flex w-full gap-2 sm:w-auto">
          <input type="hidden" name="view" value={view} />
          <label htmlFor="passport-q" className="sr-only">
            {t("search")}
          </label>
          <input id="passport-q" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm sm:w-72" />
          <button className={buttonClass("secondary")}>
            <Search aria-hidden className="size-4" />
            {t("search")}
          </button>
        </form>
      </div>
      {items.length === 0 ? (
        <EmptyState>{q ? t("noResults") : t(`empty.${view}`)}</EmptyState>
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y">
            {items.map((p) => (
              <li key={p.id} data-testid="passport-row">
                <Link href={`/console/passports/${p.id}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-zinc-50">
                  <div className="flex min-w-0 items-center gap-3">
                    <PlateBadge plate={p.plate} />
                    <div className="min-w-0">
                      <p className="font-medium">
                        {p.make} {p.model} <span className="text-zinc-500">{p.modelYear}</span>
                      </p>
                      <p className="truncate font-mono text-xs text-zinc-600">{p.vin}</p>
                      <p className="text-xs text-zinc-500">
                        {t("createdOn", { date: format.dateTime(p.createdAt, "date") })}
                        {p.contactName ? ` · ${p.contactName}` : ""}
                      </p>
                    </div>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={STATUS_TONE[p.status]}>{t(`statuses.${p.status}`)}</Badge>
                    {p.fleetAccount ? <Badge tone="blue">{t("fleetBadge", { name: p.fleetAccount })}</Badge> : null}
                    {p.pending ? <Badge tone="amber">{t("pendingBadge")}</Badge> : null}
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="flex gap-4 text-sm">
        {sp.cursor ? (
          <Link href={href({})} className="text-brand-600 hover:underline">
            {t("firstPage")}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={href({ cursor: nextCursor })} className="text-brand-600 hover:underline" data-testid="next-page">
            {t("nextPage")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
