import { getFormatter, getTranslations } from "next-intl/server";
import { Clock } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, EmptyState, PageTitle } from "@/components/ui/primitives";
import { STATUS_TONE } from "@/components/verification/status";
import { requireActor } from "@/lib/server/guards";
import { listQueue } from "@/lib/verification/queries";
import { listContested } from "@/lib/disputes/queries";

export async function generateMetadata() {
  const t = await getTranslations("verification");
  return { title: t("queueTitle") };
}

export default async function VerificationQueuePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ released?: string }> }) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "verification:review");
  const [t, td, format, { open, decided }, contested] = await Promise.all([getTranslations("verification"), getTranslations("dispute"), getFormatter(), listQueue(actor), listContested(actor)]);
  const now = new Date();
  const name = (p: { firstName: string; lastName: string } | null) => (p ? `${p.firstName} ${p.lastName}`.trim() : "");
  return (
    <div className="space-y-6">
      <PageTitle sub={t("queueLead")}>{t("queueTitle")}</PageTitle>
      {sp.released ? <Alert tone="success" testId="notice">{t("releasedNotice")}</Alert> : null}
      <section className="space-y-3" aria-labelledby="open-heading">
        <h2 id="open-heading" className="font-semibold">
          {t("openRequests")} <span className="text-zinc-500">({open.length})</span>
        </h2>
        {open.length === 0 ? (
          <EmptyState>{t("noOpen")}</EmptyState>
        ) : (
          <Card className="p-0 sm:p-0">
            <ul className="divide-y">
              {open.map((r) => (
                <li key={r.id} data-testid="queue-row" data-request-id={r.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <Link href={`/console/verifications/${r.id}`} className="font-medium text-brand-600 hover:underline">
                      {name(r.requester)}
                    </Link>
                    <p className="truncate font-mono text-xs text-zinc-600">{r.vin}</p>
                    <p className="flex flex-wrap items-center gap-x-2 text-sm text-zinc-600">
                      <Clock aria-hidden className="size-4" />
                      <span title={format.dateTime(r.submittedAt, "dateTime")}>{t("submittedAgo", { age: format.relativeTime(r.submittedAt, now) })}</span>
                      <span>· {t(`relationshipShort.${r.relationship}`)}</span>
                      <span>· {t(`languages.${r.locale}`)}</span>
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone="zinc">{r.route === "SUPPORT" ? t("routeSupportBadge") : (r.dealer?.name ?? "")}</Badge>
                    {r.claimable ? (
                      <Badge tone="blue">{t("waitingBadge")}</Badge>
                    ) : r.claimedByYou ? (
                      <Badge tone="amber">{t("claimedByYou")}</Badge>
                    ) : (
                      <Badge tone="amber">{t("claimedBy", { name: name(r.claimedBy) })}</Badge>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="contested-heading">
        <h2 id="contested-heading" className="font-semibold">
          {td("queueTitle")} <span className="text-zinc-500">({contested.length})</span>
        </h2>
        <p className="text-sm text-zinc-600">{td("queueLead")}</p>
        {contested.length === 0 ? (
          <EmptyState>{td("noContested")}</EmptyState>
        ) : (
          <Card className="p-0 sm:p-0">
            <ul className="divide-y">
              {contested.map((c) => (
                <li key={c.id} data-testid="contested-row" data-dispute-id={c.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <Link href={`/console/verifications/disputes/${c.id}`} className="font-medium text-brand-600 hover:underline">
                      {c.car}
                    </Link>
                    <p className="truncate font-mono text-xs text-zinc-600">{c.vin}</p>
                    {c.contestedAt ? (
                      <p className="flex items-center gap-x-2 text-sm text-zinc-600">
                        <Clock aria-hidden className="size-4" />
                        {td("contestedAgo", { age: format.relativeTime(c.contestedAt, now) })}
                      </p>
                    ) : null}
                  </div>
                  <Badge tone="zinc">{c.route === "SUPPORT" ? t("routeSupportBadge") : (c.dealerName ?? "")}</Badge>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="font-semibold">
          {t("recent")}
        </h2>
        {decided.length === 0 ? (
          <EmptyState>{t("noRecent")}</EmptyState>
        ) : (
          <Card className="p-0 sm:p-0">
            <ul className="divide-y">
              {decided.map((r) => (
                <li key={r.id} data-testid="decided-row" className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <Link href={`/console/verifications/${r.id}`} className="font-medium text-brand-600 hover:underline">
                      {name(r.requester)}
                    </Link>
                    <p className="truncate font-mono text-xs text-zinc-600">{r.vin}</p>
                  </div>
                  <div className="flex items-center gap-2 text-sm text-zinc-600">
                    {r.decidedAt || r.withdrawnAt ? format.dateTime((r.decidedAt ?? r.withdrawnAt)!, "date") : null}
                    <Badge tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </div>
  );
}
