import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowLeft } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, EmptyState } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { TransferCard } from "@/components/passports/transfer-card";
import { AddCostForm, RemoveCostButton } from "@/components/passports/cost-forms";
import { AddMaintenanceForm, MaintenanceButtons } from "@/components/passports/maintenance-forms";
import { FleetForm } from "@/components/passports/fleet-form";
import { StatusNotesForm } from "@/components/passports/status-notes-form";
import { requireActor } from "@/lib/server/guards";
import { getPassportProfile } from "@/lib/passports/queries/staff-profile";
import { passportRules } from "@/lib/passports/rules";

const STATUS_TONE = { IN_STOCK: "zinc", RESERVED: "amber", SOLD: "blue", DELIVERED: "green" } as const;
const TRANSFER_TONE = { PENDING: "amber", ACCEPTED: "green", DECLINED: "red", CANCELLED: "zinc", SUPERSEDED: "zinc" } as const;

export async function generateMetadata() {
  const t = await getTranslations("passports");
  return { title: t("profile.title") };
}

/** The customer profile of one AutoPaspoort (seed 002): keep it up to date, transfer it to the buyer. */
export default async function PassportProfilePage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string; restocked?: string; transfer?: string }> }) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "passports:manage");
  const p = await getPassportProfile(actor, id);
  if (!p) notFound();
  const [t, format] = await Promise.all([getTranslations("passports"), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, "date") : "—");
  const money = (cents: number) => format.number(cents / 100, "eur");
  const state = p.pending ? "pending" : p.inStock ? "stock" : "transferred";
  // What the garage may still change: everything while it holds the car, its service work after.
  const rules = passportRules(p);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/console/passports" aria-label={t("profile.back")} title={t("profile.back")} className="rounded-md p-1.5 text-zinc-700 hover:bg-zinc-100">
          <ArrowLeft aria-hidden className="size-5" />
        </Link>
        <PlateBadge plate={p.plate} className="text-lg" />
        <h1 className="text-2xl font-semibold tracking-tight">
          {p.vehicle.make} {p.vehicle.model} <span className="font-normal text-zinc-500">{p.vehicle.modelYear}</span>
        </h1>
        <Badge tone={STATUS_TONE[p.status]}>{t(`statuses.${p.status}`)}</Badge>
        <Badge tone={state === "stock" ? "zinc" : state === "pending" ? "amber" : "green"}>
          <span data-testid="passport-state">{t(`profile.state.${state}`)}</span>
        </Badge>
      </div>
      {sp.created ? <Alert tone="success" testId="notice">{t("profile.createdNotice")}</Alert> : null}
      {sp.restocked ? <Alert tone="success" testId="notice">{t("profile.restockedNotice")}</Alert> : null}
      {sp.transfer === "new" || sp.transfer === "existing" ? <Alert tone="success" testId="notice">{t(`profile.transferNotice.${sp.transfer}`)}</Alert> : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="lg:col-span-2" data-testid="owner-card">
          <h2 className="mb-3 font-semibold">{t("contact.title")}</h2>
          <TransferCard profile={p} locale={locale} />
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("profile.vehicle")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-500">{t("form.vin")}</dt>
            <dd className="break-all font-mono">{p.vehicle.vin}</dd>
            <dt className="text-zinc-500">{t("form.plate")}</dt>
            <dd>
              <PlateBadge plate={p.plate} className="text-xs" />
            </dd>
            <dt className="text-zinc-500">{t("form.fuel")}</dt>
            <dd>{t(`form.fuels.${p.vehicle.fuel}`)}</dd>
            <dt className="text-zinc-500">{t("profile.garage")}</dt>
            <dd>{p.garage.name}</dd>
            <dt className="text-zinc-500">{t("profile.activated")}</dt>
            <dd>
              {date(p.activatedAt)}
              {p.createdBy ? ` · ${`${p.createdBy.firstName} ${p.createdBy.lastName}`.trim()}` : null}
            </dd>
            <dt className="text-zinc-500">{t("profile.fleet")}</dt>
            <dd data-testid="fleet-state">{p.fleetAccount ? p.fleetAccount.name : t("profile.fleetNone")}</dd>
          </dl>
          {rules.fleet ? (
            <div className="mt-4 border-t pt-4">
              {p.fleets.length ? <FleetForm passportId={p.id} fleets={p.fleets} current={p.fleetAccountId} /> : <p className="text-sm text-zinc-500">{t("profile.fleetNoAccounts")}</p>}
            </div>
          ) : null}
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("profile.statusTitle")}</h2>
          <StatusNotesForm passportId={p.id} status={p.status} notes={p.notes} statuses={rules.statuses} afterSale={!p.inStock} />
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("profile.costsTitle")}</h2>
          {p.costItems.length === 0 ? (
            <p className="mb-4 text-sm text-zinc-600">{t("profile.costsEmpty")}</p>
          ) : (
            <table className="mb-4 w-full text-sm" data-testid="cost-items">
              <tbody className="divide-y">
                {p.costItems.map((c) => (
                  <tr key={c.id}>
                    <td className="py-2 pr-2">{c.description}</td>
                    <td className="py-2 text-right tabular-nums">{money(c.amountCents)}</td>
                    <td className="py-2 pl-2 text-right">{rules.costs ? <RemoveCostButton passportId={p.id} itemId={c.id} description={c.description} /> : null}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 font-semibold">
                  <td className="py-2">{t("profile.total")}</td>
                  <td className="py-2 text-right tabular-nums" data-testid="cost-total">
                    {money(p.totalCents)}
                  </td>
                  <td />
                </tr>
              </tfoot>
            </table>
          )}
          {rules.costs ? <AddCostForm passportId={p.id} /> : <p className="text-xs text-zinc-500" data-testid="costs-after-sale">{t("profile.costsAfterSale")}</p>}
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("profile.maintenanceTitle")}</h2>
          {p.maintenanceItems.length === 0 ? (
            <p className="mb-4 text-sm text-zinc-600">{t("profile.maintenanceEmpty")}</p>
          ) : (
            <ul className="mb-4 divide-y text-sm" data-testid="maintenance-items">
              {p.maintenanceItems.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className={m.doneAt ? "text-zinc-500 line-through" : "font-medium"}>{m.description}</p>
                    <p className="text-xs text-zinc-500">{m.doneAt ? t("profile.doneOn", { date: date(m.doneAt) }) : m.dueAt ? t("profile.dueOn", { date: date(m.dueAt) }) : t("profile.notPlanned")}</p>
                  </div>
                  <MaintenanceButtons passportId={p.id} itemId={m.id} done={!!m.doneAt} description={m.description} />
                </li>
              ))}
            </ul>
          )}
          <AddMaintenanceForm passportId={p.id} />
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("profile.historyTitle")}</h2>
          <ul className="divide-y text-sm" data-testid="passport-history">
            {p.history.map((h) => (
              <li key={h.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div>
                  <p className="font-medium">{t("profile.historyTransfer", { from: h.from, to: h.name ?? t("profile.historyPrivateOwner") })}</p>
                  <p className="text-xs text-zinc-500">
                    {h.own ? `${h.email} · ${t("profile.confirmedBy", { date: date(h.confirmedAt), name: h.confirmedBy ?? "" })}` : date(h.confirmedAt)}
                    {h.decidedAt ? ` · ${date(h.decidedAt)}` : ""}
                  </p>
                </div>
                <Badge tone={TRANSFER_TONE[h.status]}>{t(`profile.transferStates.${h.status}`)}</Badge>
              </li>
            ))}
            {p.restockedAt ? (
              <li className="py-2">
                <p className="font-medium">{t("profile.historyRestocked", { garage: p.garage.name })}</p>
                <p className="text-xs text-zinc-500">{date(p.restockedAt)}</p>
              </li>
            ) : null}
            <li className="py-2">
              <p className="font-medium">{t("profile.historyCreated", { garage: p.createdByGarage })}</p>
              <p className="text-xs text-zinc-500">{date(p.createdAt)}</p>
            </li>
          </ul>
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">{t("profile.servicesTitle")}</h2>
          {p.services.length === 0 ? (
            <EmptyState>{t("profile.servicesEmpty")}</EmptyState>
          ) : (
            <ul className="divide-y text-sm">
              {p.services.map((s) => (
                <li key={s.id} className="py-2">
                  <p className="font-medium">{s.description}</p>
                  <p className="text-zinc-600">
                    {date(s.performedAt)}
                    {s.mileageKm != null ? ` · ${format.number(s.mileageKm, "km")}` : ""}
                    {s.organisation ? ` · ${s.organisation.name}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
