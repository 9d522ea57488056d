import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowLeft } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { HistoryTimeline, MileageSection } from "@/components/dossier/history-section";
import { RequestUnlinkForm } from "@/components/fleet/unlink-forms";
import { requireActor } from "@/lib/server/guards";
import { isFleetMember } from "@/lib/fleet/access";
import { getFleetCar } from "@/lib/fleet/queries";

const STATUS_TONE = { IN_STOCK: "zinc", RESERVED: "amber", SOLD: "blue", DELIVERED: "green" } as const;
const REQUEST_TONE = { OPEN: "amber", APPROVED: "green", DECLINED: "red" } as const;

export async function generateMetadata() {
  const t = await getTranslations("fleet");
  return { title: t("title") };
}

/** One of the fleet's cars, read-only, and the request to unlink it for a sale. Another fleet's car: not found. */
export default async function FleetCarPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const actor = await requireActor(locale, "console:use");
  if (!isFleetMember(actor)) notFound();
  const p = await getFleetCar(actor, id);
  if (!p) notFound();
  const [t, tp, format] = await Promise.all([getTranslations("fleet"), getTranslations("passports"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "date");
  const money = (cents: number) => format.number(cents / 100, "eur");
  const earlier = p.requests.filter((r) => r.status !== "OPEN");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/console/fleet" aria-label={t("back")} title={t("back")} className="rounded-md p-1.5 text-zinc-700 hover:bg-zinc-100">
          <ArrowLeft aria-hidden className="size-5" />
        </Link>
        <PlateBadge plate={p.plate} className="text-lg" />
        <h1 className="text-2xl font-semibold tracking-tight">
          {p.vehicle.make} {p.vehicle.model} <span className="font-normal text-zinc-500">{p.vehicle.modelYear}</span>
        </h1>
        <span data-testid="fleet-car-status">
          <Badge tone={STATUS_TONE[p.status]}>{tp(`statuses.${p.status}`)}</Badge>
        </span>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">{t("car.vehicle")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-500">{tp("form.vin")}</dt>
            <dd className="break-all font-mono">{p.vehicle.vin}</dd>
            <dt className="text-zinc-500">{tp("form.fuel")}</dt>
            <dd>{tp(`form.fuels.${p.vehicle.fuel}`)}</dd>
            <dt className="text-zinc-500">{t("car.mileage")}</dt>
            <dd>{p.vehicle.mileageKm != null ? format.number(p.vehicle.mileageKm, "km") : "—"}</dd>
            <dt className="text-zinc-500">{t("car.garage")}</dt>
            <dd>{p.garage.name}</dd>
            <dt className="text-zinc-500">{t("car.fleet")}</dt>
            <dd>{p.fleetAccount?.name}</dd>
            <dt className="text-zinc-500">{t("car.activated")}</dt>
            <dd>{date(p.activatedAt)}</dd>
          </dl>
        </Card>

        <Card data-testid="unlink">
          <h2 className="mb-1 font-semibold">{t("unlink.title")}</h2>
          {p.openRequest ? (
            <Alert tone="info" testId="unlink-open">{t("unlink.open", { date: date(p.openRequest.createdAt) })}</Alert>
          ) : (
            <>
              <p className="mb-3 text-sm text-zinc-600">{t("unlink.lead")}</p>
              <RequestUnlinkForm passportId={p.id} />
            </>
          )}
          {earlier.length ? (
            <div className="mt-4 border-t pt-3">
              <h3 className="mb-2 text-sm font-medium">{t("unlink.history")}</h3>
              <ul className="space-y-2 text-sm" data-testid="unlink-history">
                {earlier.map((r) => (
                  <li key={r.id}>
                    <Badge tone={REQUEST_TONE[r.status]}>{t(`unlink.states.${r.status}`)}</Badge>{" "}
                    <span className="text-zinc-600">{date(r.decidedAt ?? r.createdAt)}</span>
                    {r.status === "DECLINED" && r.declineReason ? <p className="text-zinc-700">{t("unlink.declinedBecause", { reason: r.declineReason })}</p> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("car.costsTitle")}</h2>
          {p.costItems.length === 0 ? (
            <p className="text-sm text-zinc-600">{t("car.costsEmpty")}</p>
          ) : (
            <table className="w-full text-sm" data-testid="fleet-costs">
              <tbody className="divide-y">
                {p.costItems.map((c) => (
                  <tr key={c.id}>
                    <td className="py-2 pr-2">{c.description}</td>
                    <td className="py-2 text-right tabular-nums">{money(c.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 font-semibold">
                  <td className="py-2">{t("car.total")}</td>
                  <td className="py-2 text-right tabular-nums">{money(p.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          )}
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("car.maintenanceTitle")}</h2>
          {p.maintenanceItems.length === 0 ? (
            <p className="text-sm text-zinc-600">{t("car.maintenanceEmpty")}</p>
          ) : (
            <ul className="divide-y text-sm" data-testid="fleet-maintenance">
              {p.maintenanceItems.map((m) => (
                <li key={m.id} className="py-2">
                  <p className={m.doneAt ? "text-zinc-500 line-through" : "font-medium"}>{m.description}</p>
                  <p className="text-xs text-zinc-500">{m.doneAt ? t("car.doneOn", { date: date(m.doneAt) }) : m.dueAt ? t("car.dueOn", { date: date(m.dueAt) }) : t("car.notPlanned")}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <p className="text-sm text-zinc-600 lg:col-span-2">{t("car.historyLead")}</p>
        <MileageSection mileage={p.history.mileage} />
        <HistoryTimeline entries={p.history.entries} />
      </div>
    </div>
  );
}
