import { getFormatter, getTranslations } from "next-intl/server";
import { ShieldAlert, ShieldCheck } from "@/components/ui/icons";
import { Badge, Card } from "@/components/ui/primitives";
import type { CarCare, WarrantyView } from "@/lib/recalls/queries";

/**
 * The car's recalls (open first, then resolved, with the workshop that resolved them) and its
 * warranties with what is left of them (docs/decisions/0027-recalls-warranties-maintenance.md).
 */
export async function RecallsWarrantiesSection({ care }: { care: Pick<CarCare, "recalls" | "warranties"> }) {
  const [t, format] = await Promise.all([getTranslations("recalls.section"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "calendarDate");
  const instant = (d: Date) => format.dateTime(d, "date");
  const km = (n: number) => format.number(n, "km");
  const left = (w: WarrantyView) => {
    if (w.left.ended) return t("ended");
    const parts: string[] = [];
    if (w.left.days !== null) parts.push(w.left.months !== null ? t("monthsLeft", { months: w.left.months }) : t("daysLeft", { days: w.left.days }));
    if (w.left.km !== null) parts.push(t("kmLeft", { km: km(w.left.km) }));
    if (w.left.kmUnknown) parts.push(t("kmUnknown"));
    return parts.join(" · ");
  };
  return (
    <Card data-testid="recalls-warranties" className="lg:col-span-2">
      <h2 className="mb-3 font-semibold">{t("title")}</h2>
      <h3 className="mb-1 flex items-center gap-2 text-sm font-semibold">
        <ShieldAlert aria-hidden className="size-4 text-amber-600" />
        {t("recalls")}
      </h3>
      {care.recalls.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("noRecalls")}</p>
      ) : (
        <ul className="mb-4 divide-y text-sm" aria-label={t("recalls")}>
          {care.recalls.map((r) => (
            <li key={r.id} className="py-2" data-testid="recall" data-state={r.resolvedAt ? "resolved" : "open"}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium break-words">
                  {r.title} <span className="font-mono text-xs text-zinc-500">{r.code}</span>
                </p>
                <Badge tone={r.resolvedAt ? "green" : "amber"}>{r.resolvedAt ? t("resolved") : t("open")}</Badge>
              </div>
              {r.description ? <p className="mt-1 whitespace-pre-line break-words text-zinc-700">{r.description}</p> : null}
              <p className="mt-1 text-zinc-600">
                {r.resolvedAt
                  ? r.resolvedBy
                    ? t("resolvedBy", { date: instant(r.resolvedAt), workshop: r.resolvedBy })
                    : t("resolvedOn", { date: instant(r.resolvedAt) })
                  : `${t("since", { date: instant(r.issuedAt) })} · ${t("openHint")}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-3 mb-1 flex items-center gap-2 text-sm font-semibold">
        <ShieldCheck aria-hidden className="size-4 text-green-700" />
        {t("warranties")}
      </h3>
      {care.warranties.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("noWarranties")}</p>
      ) : (
        <ul className="divide-y text-sm" aria-label={t("warranties")}>
          {care.warranties.map((w) => (
            <li key={w.id} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="warranty" data-kind={w.kind}>
              <div className="min-w-0">
                <p className="font-medium">{t(`kinds.${w.kind}`)}</p>
                <p className="text-zinc-600 break-words">
                  {[
                    w.provider ? t("provider", { provider: w.provider }) : null,
                    w.fromContract ? t("fromContract") : null,
                    w.description,
                    w.endsAt ? t("until", { date: date(w.endsAt) }) : null,
                    w.maxKm !== null ? t("upTo", { km: km(w.maxKm) }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </div>
              <span data-testid="warranty-left">
                <Badge tone={w.left.ended ? "zinc" : "green"}>{left(w)}</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
