import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { AnswerUnlinkForms } from "@/components/fleet/unlink-forms";
import { requireActor } from "@/lib/server/guards";
import { listUnlinkRequests } from "@/lib/fleet/queries";

const TONE = { OPEN: "amber", APPROVED: "green", DECLINED: "red" } as const;

export async function generateMetadata() {
  const t = await getTranslations("fleet.requests");
  return { title: t("title") };
}

/** Garage staff: the fleets' requests to unlink a car, to approve or decline; the last answered ones. */
export default async function UnlinkRequestsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "passports:manage");
  const [{ open, answered }, t, tf, format] = await Promise.all([listUnlinkRequests(actor), getTranslations("fleet.requests"), getTranslations("fleet.unlink"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "date");
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      <Card>
        {open.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y" data-testid="unlink-requests">
            {open.map((r) => (
              <li key={r.id} className="space-y-3 py-4" data-testid="unlink-request">
                <div className="flex flex-wrap items-center gap-3">
                  <PlateBadge plate={r.plate} />
                  <Link href={`/console/passports/${r.passportId}`} className="font-medium text-brand-600 hover:underline">
                    {r.car}
                  </Link>
                </div>
                <p className="text-sm text-zinc-600">{r.requestedBy ? t("from", { fleet: r.fleet, name: r.requestedBy, date: date(r.createdAt) }) : t("fromNoName", { fleet: r.fleet, date: date(r.createdAt) })}</p>
                <p className="whitespace-pre-line text-sm">{t("reason", { reason: r.reason })}</p>
                <AnswerUnlinkForms requestId={r.id} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      {answered.length ? (
        <Card>
          <h2 className="mb-3 font-semibold">{t("answeredTitle")}</h2>
          <ul className="divide-y text-sm" data-testid="unlink-answered">
            {answered.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {r.car} · {r.fleet} · {date(r.decidedAt ?? r.createdAt)}
                </span>
                <Badge tone={TONE[r.status]}>{tf(`states.${r.status}`)}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
