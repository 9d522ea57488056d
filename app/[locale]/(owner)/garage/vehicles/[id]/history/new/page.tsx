import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card, PageTitle } from "@/components/ui/primitives";
import { EntryForm } from "@/components/dossier/entry-form";
import { requireActor } from "@/lib/server/guards";
import { today } from "@/lib/server/dates";
import { getOwnerCarHistory } from "@/lib/dossier/queries";
import { getVehicleDossier } from "@/lib/vehicles/queries";

/** The owner adds an entry of their own to the car's maintenance record. */
export default async function NewOwnEntryPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const actor = await requireActor(locale, "garage:use");
  const [dossier, record] = await Promise.all([getVehicleDossier(actor, id), getOwnerCarHistory(actor, id)]);
  if (!dossier || !record?.isOwner) notFound();
  const t = await getTranslations("dossier");
  const v = dossier.vehicle;
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle sub={`${v.make} ${v.model} · ${v.modelYear}`}>{t("form.ownerTitle")}</PageTitle>
      <p className="text-sm text-zinc-600">{t("form.ownerLead")}</p>
      <Card>
        <EntryForm mode="owner" vehicleId={v.id} today={today().toISOString().slice(0, 10)} />
      </Card>
      <Link href={`/garage/vehicles/${v.id}`} className="text-sm text-brand-600 hover:underline">
        {t("backToCar")}
      </Link>
    </div>
  );
}
