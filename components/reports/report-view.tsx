import { getFormatter, getTranslations } from "next-intl/server";
import { BadgeCheck, Download, ShieldAlert, ShieldCheck } from "@/components/ui/icons";
import { Badge, Card } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { HistoryTimeline, MileageSection } from "@/components/dossier/history-section";
import { LANGUAGE_NAMES, SWITCHER_LANGUAGES, VARIANT_OF, type AppLocale } from "@/i18n/routing";
import type { BuyerReport } from "@/lib/reports/report";
import type { WarrantyView } from "@/lib/recalls/queries";
import { qrModules, qrSvgPath } from "@/lib/reports/qr";

/** The report's QR code as inline SVG: nothing loaded, nothing the CSP must allow. */
function QrCode({ url, label }: { url: string; label: string }) {
  const { d, viewBox } = qrSvgPath(qrModules(url));
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${viewBox} ${viewBox}`} className="size-32 shrink-0 bg-white" shapeRendering="crispEdges" data-testid="report-qr">
      <path d={d} fill="#18181b" />
    </svg>
  );
}

/**
 * A buyer report (docs/decisions/0036): the car, the "verified by Autodossier" mark with its date,
 * the QR code, the reader's language and the PDF, then the mileage, the service history, the open
 * recalls and the warranties left. Plain links for the language and the PDF: no prefetch, so a
 * view is counted only when someone opens the page.
 */
export async function ReportView({ report, token, locale, url }: { report: BuyerReport; token: string; locale: AppLocale; url: string }) {
  const [t, tr, tg, format] = await Promise.all([getTranslations("report"), getTranslations("recalls.section"), getTranslations("garage"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "calendarDate");
  const instant = (d: Date) => format.dateTime(d, "date");
  const km = (n: number) => format.number(n, "km");
  const languages = SWITCHER_LANGUAGES.map((l) => (VARIANT_OF[locale] === l ? locale : l));
  const left = (w: WarrantyView) => {
    const parts: string[] = [];
    if (w.left.days !== null) parts.push(w.left.months !== null ? tr("monthsLeft", { months: w.left.months }) : tr("daysLeft", { days: w.left.days }));
    if (w.left.km !== null) parts.push(tr("kmLeft", { km: km(w.left.km) }));
    if (w.left.kmUnknown) parts.push(tr("kmUnknown"));
    return parts.join(" · ");
  };
  const v = report.vehicle;
  return (
    <div className="space-y-6" data-testid="buyer-report">
      <Card>
        <div className="flex flex-col-reverse gap-6 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-3">
            <p className="text-sm text-zinc-600">{t("title")}</p>
            <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="report-car">
              {v.make} {v.model}
            </h1>
            <p className="flex flex-wrap items-center gap-3 text-sm">
              <span>{v.modelYear}</span>
              {v.plate ? <PlateBadge plate={v.plate} /> : <span className="text-zinc-500">{t("noPlate")}</span>}
            </p>
            <p className="flex items-center gap-2 font-semibold text-green-800" data-testid="report-verified">
              <BadgeCheck aria-hidden className="size-5" />
              {t("verifiedOn", { date: instant(report.verifiedAt) })}
            </p>
            <p className="text-sm text-zinc-600">{t("verifiedLead")}</p>
            <p className="text-sm text-zinc-600" data-testid="report-valid-until">{t("validUntil", { date: instant(report.expiresAt) })}</p>
            <div className="flex flex-wrap items-center gap-4">
              <a
                href={`/api/reports/${token}/pdf?locale=${locale}`}
                className="inline-flex items-center gap-2 rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-50"
                data-testid="report-pdf"
                download
              >
                <Download aria-hidden className="size-4" />
                {t("download")}
              </a>
              <nav aria-label={t("language")} className="flex items-center gap-1 text-sm" data-testid="report-languages">
                {languages.map((l) => (
                  <a
                    key={l}
                    href={`/${l}/report/${token}`}
                    hrefLang={l}
                    lang={l}
                    aria-current={l === locale ? "true" : undefined}
                    className={l === locale ? "rounded px-1.5 py-0.5 font-semibold text-zinc-900 underline" : "rounded px-1.5 py-0.5 text-zinc-600 hover:text-zinc-900"}
                  >
                    <span className="sr-only">{LANGUAGE_NAMES[l]}</span>
                    <span aria-hidden>{l.slice(0, 2).toUpperCase()}</span>
                  </a>
                ))}
              </nav>
            </div>
          </div>
          <div className="flex flex-col items-center gap-1 self-center sm:self-start">
            <QrCode url={url} label={t("qrLabel")} />
            <span className="text-xs text-zinc-500">{t("qrHint")}</span>
          </div>
        </div>
      </Card>

      <Card>
        <h2 className="mb-3 font-semibold">{t("car")}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="report-facts">
          <dt className="text-zinc-500">{t("make")}</dt>
          <dd>{v.make}</dd>
          <dt className="text-zinc-500">{t("model")}</dt>
          <dd>{v.model}</dd>
          <dt className="text-zinc-500">{t("modelYear")}</dt>
          <dd>{v.modelYear}</dd>
          <dt className="text-zinc-500">{t("plate")}</dt>
          <dd>{v.plate ? <PlateBadge plate={v.plate} /> : t("noPlate")}</dd>
          <dt className="text-zinc-500">{t("vin")}</dt>
          <dd className="font-mono break-all">{v.vin}</dd>
          <dt className="text-zinc-500">{t("fuel")}</dt>
          <dd>{tg(`fuels.${v.fuel}`)}</dd>
        </dl>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <MileageSection mileage={report.history.mileage} />
        <HistoryTimeline entries={report.history.entries} />
        <Card data-testid="report-recalls">
          <h2 className="mb-3 flex items-center gap-2 font-semibold">
            <ShieldAlert aria-hidden className="size-5 text-amber-600" />
            {t("recallsTitle")}
          </h2>
          {report.recalls.length === 0 ? (
            <p className="text-sm text-zinc-600">{t("noOpenRecalls")}</p>
          ) : (
            <ul className="divide-y text-sm">
              {report.recalls.map((r) => (
                <li key={r.id} className="py-2" data-testid="report-recall">
                  <p className="font-medium break-words">
                    {r.title} <span className="font-mono text-xs text-zinc-500">{r.code}</span>
                  </p>
                  {r.description ? <p className="mt-1 whitespace-pre-line break-words text-zinc-700">{r.description}</p> : null}
                  <p className="mt-1 text-zinc-600">{tr("since", { date: instant(r.issuedAt) })}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card data-testid="report-warranties">
          <h2 className="mb-3 flex items-center gap-2 font-semibold">
            <ShieldCheck aria-hidden className="size-5 text-green-700" />
            {t("warrantiesTitle")}
          </h2>
          {report.warranties.length === 0 ? (
            <p className="text-sm text-zinc-600">{t("noWarranties")}</p>
          ) : (
            <ul className="divide-y text-sm">
              {report.warranties.map((w) => (
                <li key={w.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="report-warranty">
                  <div className="min-w-0">
                    <p className="font-medium">{tr(`kinds.${w.kind}`)}</p>
                    <p className="break-words text-zinc-600">
                      {[w.provider ? tr("provider", { provider: w.provider }) : null, w.description, w.endsAt ? tr("until", { date: date(w.endsAt) }) : null, w.maxKm !== null ? tr("upTo", { km: km(w.maxKm) }) : null]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                  <Badge tone="green">{left(w)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
