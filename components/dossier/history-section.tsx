import { getFormatter, getTranslations } from "next-intl/server";
import { Gauge, History, Paperclip, PencilLine } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Badge, Card, EmptyState } from "@/components/ui/primitives";
import type { CarHistory } from "@/lib/dossier/history";
import { MileageChart } from "./mileage-chart";

const VERDICT_TONE = { logical: "green", illogical: "red", none: "zinc" } as const;

/** The mileage verdict (logical / not logical, as the NAP says it) with its reasons, and the chart. */
export async function MileageSection({ mileage }: { mileage: CarHistory["mileage"] }) {
  const [t, format] = await Promise.all([getTranslations("dossier.mileage"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "calendarDate");
  const km = (n: number) => format.number(n, "km");
  return (
    <Card data-testid="mileage" className="lg:col-span-2">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 font-semibold">
          <Gauge aria-hidden className="size-5 text-brand-600" />
          {t("title")}
        </h2>
        <span data-testid="mileage-verdict" data-verdict={mileage.verdict}>
          <Badge tone={VERDICT_TONE[mileage.verdict]}>{t(mileage.verdict)}</Badge>
        </span>
      </div>
      {mileage.latest ? <p className="text-sm" data-testid="mileage-latest">{t("latest", { km: km(mileage.latest.km), date: date(mileage.latest.on) })}</p> : null}
      {mileage.verdict === "illogical" ? (
        <div className="mt-2 text-sm">
          <p>{t("illogicalLead")}</p>
          <ul className="mt-1 list-disc pl-5 text-red-800" data-testid="mileage-reasons">
            {mileage.reasons.flatMap((r) =>
              r.findings.map((f) => (
                <li key={`${r.id}-${f}`}>
                  {t(`findings.${f}`, { date: date(r.on), km: km(r.km), againstKm: r.against ? km(r.against.km) : "", againstDate: r.against ? date(r.against.on) : "" })}
                </li>
              )),
            )}
          </ul>
        </div>
      ) : (
        <p className="mt-1 text-sm text-zinc-600">{mileage.verdict === "logical" ? t("logicalLead") : t("noneLead")}</p>
      )}
      <MileageChart points={mileage.points} />
    </Card>
  );
}

/**
 * The maintenance record as one timeline, newest first. A workshop's entry names the workshop; an
 * owner's says who reported it, never by name. A corrected entry stays, struck through, with a
 * pointer to its correction. `correctHref` gives the page that corrects an entry the viewer may correct.
 */
export async function HistoryTimeline({ entries, correctHref }: { entries: CarHistory["entries"]; correctHref?: (entryId: string) => string }) {
  const [t, format] = await Promise.all([getTranslations("dossier"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "calendarDate");
  const km = (n: number) => format.number(n, "km");
  return (
    <Card data-testid="service-history" className="lg:col-span-2">
      <h2 className="mb-3 flex items-center gap-2 font-semibold">
        <History aria-hidden className="size-5 text-brand-600" />
        {t("historyTitle")}
      </h2>
      {entries.length === 0 ? (
        <EmptyState>{t("empty_history")}</EmptyState>
      ) : (
        <ol className="divide-y text-sm">
          {entries.map((e) => (
            <li key={e.id} className="py-3" data-testid="service-entry" data-corrected={e.correctedBy ? "true" : undefined}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className={e.correctedBy ? "text-zinc-500 line-through" : undefined}>
                  <p className="font-medium">
                    {t(`kinds.${e.kind}`)} · {e.description}
                  </p>
                  <p className="text-zinc-600">
                    {date(e.performedAt)}
                    {e.mileageKm != null ? ` · ${km(e.mileageKm)}` : ""}
                    {" · "}
                    {e.workshop ?? t("noWorkshop")}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {e.reportedBy !== "workshop" ? <Badge tone="blue">{t(`reportedBy.${e.reportedBy}`)}</Badge> : null}
                  {e.correctedBy ? <Badge tone="amber">{t("corrected")}</Badge> : null}
                  {e.findings.length ? <Badge tone="red">{e.findings.map((f) => t(`mileage.short.${f}`)).join(", ")}</Badge> : null}
                  {e.correctable && correctHref ? (
                    <Link href={correctHref(e.id)} className="inline-flex items-center gap-1 text-brand-600 hover:underline" data-testid="correct-entry">
                      <PencilLine aria-hidden className="size-3.5" />
                      {t("correct")}
                    </Link>
                  ) : null}
                </div>
              </div>
              {e.lines.length ? (
                <ul className={`mt-1 list-disc pl-5 text-zinc-700 ${e.correctedBy ? "line-through" : ""}`}>
                  {e.lines.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              ) : null}
              {e.corrects ? (
                <p className="mt-1 text-xs text-zinc-600">
                  {t("correctionOf", { date: date(e.corrects.performedAt) })}
                  {e.correctionReason ? ` · ${t("reason", { reason: e.correctionReason })}` : ""}
                </p>
              ) : null}
              {e.correctedBy ? <p className="mt-1 text-xs text-zinc-600">{t("correctedNote")}</p> : null}
              {e.attachments.length ? (
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                  {e.attachments.map((a) => (
                    <li key={a.id}>
                      {/* A download from a route handler: a plain link, not the locale-aware one. */}
                      <a href={`/api/dossier/attachments/${a.id}`} download={a.name} className="inline-flex items-center gap-1 text-brand-600 hover:underline" data-testid="entry-attachment">
                        <Paperclip aria-hidden className="size-3.5" />
                        {a.name} ({format.number(Math.max(1, Math.round(a.sizeBytes / 1024)))} kB)
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
