import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertTriangle } from "@/components/ui/icons";
import { hasKey } from "@/i18n/keys";
import { Link } from "@/i18n/navigation";
import { Card, PageTitle } from "@/components/ui/primitives";
import { RemoveVehicleForm } from "@/components/linking/forms";
import { requireActor } from "@/lib/server/guards";
import { getRemovalPreview } from "@/lib/vehicles/queries";

export default async function RemoveVehiclePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const actor = await requireActor(locale, "garage:use");
  const preview = await getRemovalPreview(actor, id);
  if (!preview) notFound();
  const [t, tp, format, th] = await Promise.all([getTranslations("garage.remove"), getTranslations("products"), getFormatter(), getTranslations("handover")]);
  const v = preview.vehicle;
  return (
    <div className="max-w-2xl">
      <PageTitle sub={`${v.make} ${v.model} · ${v.modelYear} · ${v.vin}`}>{t("title")}</PageTitle>
      {/* The "I sold this car" link of a reminder leads here: a sale to a buyer can be a handover instead. */}
      <p className="mb-4 text-sm text-zinc-700" data-testid="handover-hint">
        <Link href={`/garage/vehicles/${v.id}/handover`} className="text-brand-600 hover:underline">
          {th("removeHint")}
        </Link>
      </p>
      <Card className="space-y-4">
        <div className="flex gap-3">
          <AlertTriangle aria-hidden className="size-6 shrink-0 text-amber-600" />
          <p className="text-sm text-zinc-700">{t("lead")}</p>
        </div>
        <div>
          <h2 className="font-semibold">{t("contractsEnd")}</h2>
          {preview.contracts.length ? (
            <ul className="mt-1 list-disc pl-5 text-sm" data-testid="removal-contracts">
              {preview.contracts.map((c) => (
                <li key={c.id}>
                  {hasKey(tp, c.product) ? tp(c.product) : c.product}
                  {c.endsAt ? ` · ${t("wouldRunUntil", { date: format.dateTime(c.endsAt, "date") })}` : ""}
                  {c.autoRenew ? ` · ${t("renewalStops")}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600">{t("noContracts")}</p>
          )}
        </div>
        {preview.drivers.length ? (
          <div>
            <h2 className="font-semibold">{t("driversLose")}</h2>
            <ul className="mt-1 list-disc pl-5 text-sm" data-testid="removal-drivers">
              {preview.drivers.map((d) => (
                <li key={d.id}>{`${d.user?.firstName ?? ""} ${d.user?.lastName ?? ""}`.trim() || d.user?.email}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="text-sm text-zinc-700">{t("historyStays")}</p>
        <RemoveVehicleForm vehicleId={v.id} />
      </Card>
    </div>
  );
}
