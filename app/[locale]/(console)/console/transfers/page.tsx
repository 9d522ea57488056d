import { getFormatter, getTranslations } from "next-intl/server";
import { Search } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { CorrectEmailForm } from "@/components/passports/correct-email-form";
import { requireActor } from "@/lib/server/guards";
import { listPendingTransfers } from "@/lib/passports/queries/support-transfers";

export async function generateMetadata() {
  const t = await getTranslations("passports.support");
  return { title: t("title") };
}

/** Support corrects a wrong buyer e-mail of a pending AutoPaspoort transfer (seed 002: the garage cannot). */
export default async function TransfersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string; cursor?: string; corrected?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "transfers:correct");
  const q = (sp.q ?? "").slice(0, 120);
  const [t, format, { items, nextCursor }] = await Promise.all([getTranslations("passports.support"), getFormatter(), listPendingTransfers(actor, { q, cursor: sp.cursor?.slice(0, 40) })]);
  const date = (d: Date) => format.dateTime(d, "date");
  const now = new Date();
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      {sp.corrected ? <Alert tone="success" testId="notice">{t("corrected")}</Alert> : null}
      <form role="search" className="flex max-w-lg gap-2">
        <label htmlFor="transfer-q" className="sr-only">
          {t("search")}
        </label>
        <input id="transfer-q" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm" />
        <button className={buttonClass("secondary")}>
          <Search aria-hidden className="size-4" />
          {t("search")}
        </button>
      </form>
      {items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-4">
          {items.map((tr) => (
            <li key={tr.id}>
              <Card data-testid="transfer-row">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="flex items-center gap-3">
                    <PlateBadge plate={tr.passport.vehicle.plates[0] ?? null} />
                    <div>
                      <p className="font-medium">
                        {tr.passport.vehicle.make} {tr.passport.vehicle.model} · {tr.fromOrganisation.name}
                      </p>
                      <p className="text-sm text-zinc-600">
                        {tr.name} · <span data-testid="transfer-email">{tr.email}</span>
                      </p>
                      <p className="text-xs text-zinc-500">{t("confirmed", { date: date(tr.confirmedAt), expires: date(tr.expiresAt) })}</p>
                    </div>
                  </div>
                  {tr.expiresAt <= now ? <Badge tone="amber">{t("expired")}</Badge> : <Badge tone="blue">{t("pending")}</Badge>}
                </div>
                <details className="mt-4 border-t pt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-600">{t("correct")}</summary>
                  <div className="mt-3">
                    <CorrectEmailForm transferId={tr.id} />
                  </div>
                </details>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link href={`/console/transfers?${new URLSearchParams({ ...(q ? { q } : {}), cursor: nextCursor }).toString()}`} className="text-sm text-brand-600 hover:underline">
          {t("nextPage")}
        </Link>
      ) : null}
    </div>
  );
}
