import { getFormatter, getTranslations } from "next-intl/server";
import type { CarHistory } from "@/lib/dossier/history";

const W = 640;
const H = 220;
const PAD = { left: 72, right: 16, top: 16, bottom: 32 };

/**
 * The car's odometer readings over time as a small server-rendered SVG (no chart library,
 * decision 0025): one line in date order, a filled dot for a workshop's reading, a hollow one for
 * an owner's, red for a reading that is not logical. Each dot has its date and reading as a title.
 */
export async function MileageChart({ points }: { points: CarHistory["mileage"]["points"] }) {
  if (points.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("dossier.mileage"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "calendarDate");
  const km = (n: number) => format.number(n, "km");
  const t0 = points[0].on.getTime();
  const t1 = points[points.length - 1].on.getTime();
  const kms = points.map((p) => p.km);
  const lo = Math.min(...kms);
  const hi = Math.max(...kms);
  const margin = Math.max((hi - lo) * 0.1, 100);
  const yMin = Math.max(0, lo - margin);
  const yMax = hi + margin;
  const x = (d: Date) => (t1 === t0 ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((d.getTime() - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
  const y = (n: number) => PAD.top + (1 - (n - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);
  const path = points.map((p) => `${x(p.on).toFixed(1)},${y(p.km).toFixed(1)}`).join(" ");
  const summary = t("chartSummary", { count: points.length, first: date(points[0].on), last: date(points[points.length - 1].on) });
  return (
    <figure className="mt-4" data-testid="mileage-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t("chartTitle")}: ${summary}`} className="h-auto w-full text-zinc-400">
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="currentColor" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="currentColor" />
        <text x={PAD.left - 6} y={y(hi) + 4} textAnchor="end" className="fill-zinc-600 text-[11px]">
          {km(hi)}
        </text>
        {lo !== hi ? (
          <text x={PAD.left - 6} y={y(lo) + 4} textAnchor="end" className="fill-zinc-600 text-[11px]">
            {km(lo)}
          </text>
        ) : null}
        <text x={PAD.left} y={H - 10} className="fill-zinc-600 text-[11px]">
          {date(points[0].on)}
        </text>
        {t1 !== t0 ? (
          <text x={W - PAD.right} y={H - 10} textAnchor="end" className="fill-zinc-600 text-[11px]">
            {date(points[points.length - 1].on)}
          </text>
        ) : null}
        <polyline points={path} fill="none" stroke="#2563eb" strokeWidth={2} />
        {points.map((p) => {
          const bad = p.findings.length > 0;
          const colour = bad ? "#dc2626" : "#2563eb";
          return (
            <circle
              key={p.id}
              cx={x(p.on)}
              cy={y(p.km)}
              r={5}
              fill={p.source === "OWNER" ? "white" : colour}
              stroke={colour}
              strokeWidth={2}
              data-finding={bad ? p.findings.join(" ") : undefined}
            >
              <title>{`${date(p.on)}: ${km(p.km)}${bad ? ` (${p.findings.map((f) => t(`short.${f}`)).join(", ")})` : ""}`}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600">
        <span>{summary}</span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-2.5 rounded-full bg-blue-600" />
          {t("legendWorkshop")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-2.5 rounded-full border-2 border-blue-600 bg-white" />
          {t("legendOwner")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block size-2.5 rounded-full bg-red-600" />
          {t("legendFinding")}
        </span>
      </figcaption>
    </figure>
  );
}
