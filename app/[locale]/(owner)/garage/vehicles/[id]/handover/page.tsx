import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { hasKey } from "@/i18n/keys";
import { Card, PageTitle } from "@/components/ui/primitives";
import { StartHandoverForm } from "@/components/handover/forms";
import { requireActor } from "@/lib/server/guards";
import { getHandoverStart } from "@/lib/handover/queries";
import { today } from "@/lib/server/dates";

/** The seller starts a handover of their car (docs/decisions/0034); a handover already waiting opens instead. */
export default async function StartHandoverPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const actor = await requireActor(locale, "garage:use");
  const start = await getHandoverStart(actor, id);
  if (!start) notFound();
  if (start.pendingId) redirect(`/${locale}/garage/handovers/${start.pendingId}`);
  const [t, tp, format] = await Promise.all([getTranslations("handover.start"), getTranslations("products"), getFormatter()]);
  const v = start.vehicle;
  const contracts = start.contracts.map((c) => ({
    id: c.id,
    transferable: c.transferable,
    label: `${hasKey(tp, c.product) ? tp(c.product) : c.product}${c.endsAt ? ` · ${t("runsUntil", { date: format.dateTime(c.endsAt, "date") })}` : ""}`,
  }));
  return (
    <div className="max-w-2xl">
      <PageTitle sub={`${v.make} ${v.model} · ${v.modelYear} · ${v.vin}`}>{t("title")}</PageTitle>
      <Card className="space-y-4">
        <p className="text-sm text-zinc-700">{t("lead")}</p>
        {start.drivers ? <p className="text-sm text-zinc-700" data-testid="handover-drivers">{t("driversEnd", { count: start.drivers })}</p> : null}
        <StartHandoverForm vehicleId={v.id} locale={locale} today={today().toISOString().slice(0, 10)} contracts={contracts} />
      </Card>
    </div>
  );
}
