import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card, PageTitle } from "@/components/ui/primitives";
import { EntryForm } from "@/components/dossier/entry-form";
import { requireActor } from "@/lib/server/guards";
import { today } from "@/lib/server/dates";
import { getWorkshopCar } from "@/lib/dossier/queries";

/** Staff correct one of their organisation's entries: the original stays, the correction replaces it. */
export default async function CorrectWorkshopEntryPage({ params }: { params: Promise<{ locale: string; vehicleId: string; entryId: string }> }) {
  const { locale, vehicleId, entryId } = await params;
  const actor = await requireActor(locale, "service:record");
  const car = await getWorkshopCar(actor, vehicleId);
  const e = car?.entries.find((x) => x.id === entryId && x.correctable);
  if (!car || !e) notFound();
  const t = await getTranslations("dossier");
  // The organisation whose entry it is records the correction.
  const organisations = car.organisations.filter((o) => o.id === e.ownOrganisationId);
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle sub={`${car.vehicle.make} ${car.vehicle.model} · ${car.vehicle.vin}`}>{t("form.correctTitle")}</PageTitle>
      <p className="text-sm text-zinc-600">{t("form.correctLead")}</p>
      <Card>
        <EntryForm
          mode="workshop"
          vehicleId={vehicleId}
          organisations={organisations}
          today={today().toISOString().slice(0, 10)}
          corrects={{ id: e.id, kind: e.kind, performedOn: e.performedAt.toISOString().slice(0, 10), mileageKm: e.mileageKm, description: e.description, lines: e.lines, workshop: e.workshop }}
        />
      </Card>
      <Link href={`/console/dossier/${vehicleId}`} className="text-sm text-brand-600 hover:underline">
        {t("backToCar")}
      </Link>
    </div>
  );
}
