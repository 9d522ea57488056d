import { getFormatter, getTranslations } from "next-intl/server";
import { FileText } from "@/components/ui/icons";
import { Badge, Card } from "@/components/ui/primitives";
import type { ReportLinkRow } from "@/lib/reports/queries";
import { CreateReportLinkForm, RevokeReportLinkForm } from "./report-link-forms";

const TONE = { live: "green", expired: "zinc", revoked: "zinc" } as const;

/** The car page's buyer report links (docs/decisions/0036): the owner makes, sees and revokes them. */
export async function ReportLinksSection({ vehicleId, links }: { vehicleId: string; links: ReportLinkRow[] }) {
  const [t, format] = await Promise.all([getTranslations("report.owner"), getFormatter()]);
  const instant = (d: Date) => format.dateTime(d, "date");
  const at = (d: Date) => format.dateTime(d, "dateTime");
  return (
    <Card className="space-y-4" data-testid="report-links">
      <h3 className="flex items-center gap-2 font-semibold">
        <FileText aria-hidden className="size-5 text-brand-600" />
        {t("title")}
      </h3>
      <p className="text-sm text-zinc-600">{t("lead")}</p>
      <CreateReportLinkForm vehicleId={vehicleId} />
      <div>
        <h4 className="mb-1 text-sm font-semibold">{t("links")}</h4>
        {links.length === 0 ? (
          <p className="text-sm text-zinc-600">{t("none")}</p>
        ) : (
          <ul className="divide-y text-sm">
            {links.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="report-link" data-state={l.state} data-link-id={l.id}>
                <div className="min-w-0">
                  <p>
                    <Badge tone={TONE[l.state]}>{t(`states.${l.state}`)}</Badge> <span className="text-zinc-700">{t("madeOn", { date: instant(l.createdAt) })} · {t("until", { date: instant(l.expiresAt) })}</span>
                  </p>
                  <p className="text-zinc-600" data-testid="report-link-views" data-views={l.views}>
                    {t("views", { count: l.views })}
                    {l.lastViewedAt ? ` · ${t("lastViewed", { date: at(l.lastViewedAt) })}` : ""}
                  </p>
                </div>
                {l.state === "live" ? <RevokeReportLinkForm linkId={l.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
