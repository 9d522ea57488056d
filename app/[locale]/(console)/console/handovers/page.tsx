import { getFormatter, getTranslations } from "next-intl/server";
import { Search } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Badge, Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { cn } from "@/components/ui/cn";
import { PlateBadge } from "@/components/passports/plate";
import { requireActor } from "@/lib/server/guards";
import { listSupportHandovers, type SupportListState } from "@/lib/handover/support-queries";

export async function generateMetadata() {
  const t = await getTranslations("handover.support");
  return { title: t("title") };
}

/**
 * Support's handovers between owners (docs/decisions/0034, "support decides"): the accepted ones,
 * or those undone, found by plate or VIN, with whether the buyer opened the car. One opens to decide.
 */
export default async function SupportHandoversPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string; state?: string; cursor?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "handovers:decide");
  const q = (sp.q ?? "").slice(0, 120);
  const state: SupportListState = sp.state === "undone" ? "undone" : "accepted";
  const [t, format, { items, nextCursor }] = await Promise.all([getTranslations("handover.support"), getFormatter(), listSupportHandovers(actor, { q, state, cursor: sp.cursor?.slice(0, 40) })]);
  const date = (d: Date) => format.dateTime(d, "date");
  const href = (extra: Record<string, string | undefined>) => {
    const s = new URLSearchParams(Object.entries({ state: state === "undone" ? "undone" : undefined, q: q || undefined, ...extra }).filter((e): e is [string, string] => !!e[1]));
    const query = s.toString();
    return `/console/handovers${query ? `?${query}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("tabsLabel")} className="inline-flex rounded-lg border border-zinc-200 bg-white p-1 text-sm">
          {(["accepted", "undone"] as const).map((v) => (
            <Link
              key={v}
              href={v === "undone" ? "/console/handovers?state=undone" : "/console/handovers"}
              aria-current={v === state ? "page" : undefined}
              className={cn("rounded-md px-3 py-1.5", v === state ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100")}
            >
              {t(`tabs.${v}`)}
            </Link>
          ))}
        </nav>
        <form role="search" className="flex w-full gap-2 sm:w-auto">
          {state === "undone" ? <input type="hidden" name="state" value="undone" /> : null}
          <label htmlFor="handover-q" className="sr-only">
            {t("searchLabel")}
          </label>
          <input id="handover-q" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm sm:w-72" />
          <button className={buttonClass("secondary")}>
            <Search aria-hidden className="size-4" />
            {t("search")}
          </button>
        </form>
      </div>
      {items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((h) => (
            <li key={h.id}>
              <Card data-testid="handover-row">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="flex min-w-0 items-start gap-3">
                    <PlateBadge plate={h.plate} />
                    <div className="min-w-0">
                      <p className="font-medium">
                        <Link href={`/console/handovers/${h.id}`} className="text-brand-600 hover:underline">
                          {h.car}
                        </Link>{" "}
                        <span className="font-normal text-zinc-500">{h.modelYear}</span>
                      </p>
                      <p className="font-mono text-xs break-all text-zinc-600">{h.vin}</p>
                      <p className="mt-1 text-sm text-zinc-600">
                        {h.acceptedAt ? t("acceptedOn", { date: date(h.acceptedAt) }) : null}
                        {" · "}
                        <span data-testid="handover-opened">{h.openedAt ? t("openedOn", { date: date(h.openedAt) }) : t("notOpened")}</span>
                        {h.undoneAt ? ` · ${t("undoneOn", { date: date(h.undoneAt) })}` : null}
                      </p>
                    </div>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    {h.sellerMayUndo ? <Badge tone="amber">{t("sellerCanUndo")}</Badge> : null}
                    <span data-testid="handover-status">
                      <Badge tone={h.status === "ACCEPTED" ? "blue" : "zinc"}>{t(`statuses.${h.status}`)}</Badge>
                    </span>
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link href={href({ cursor: nextCursor })} className="text-sm text-brand-600 hover:underline">
          {t("nextPage")}
        </Link>
      ) : null}
    </div>
  );
}
