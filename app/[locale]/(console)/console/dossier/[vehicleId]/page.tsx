import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Alert, Card, PageTitle } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { EntryForm } from "@/components/dossier/entry-form";
import { HistoryTimeline, MileageSection } from "@/components/dossier/history-section";
import { requireActor } from "@/lib/server/guards";
import { today } from "@/lib/server/dates";
import { getWorkshopCar } from "@/lib/dossier/queries";
import { getWorkshopCarCare } from "@/lib/recalls/queries";
import { MaintenanceSection } from "@/components/dossier/maintenance-section";
import { RecallsWarrantiesSection } from "@/components/dossier/recalls-warranties-section";
import { WarrantyForm } from "@/components/dossier/care-forms";

/** A car the staff member's organisation services: its record and mileage, and a form to record work. */
export default async function WorkshopCarPage({ params, searchParams }: { params: Promise<{ locale: string; vehicleId: string }>; searchParams: Promise<{ corrected?: string }> }) {
  const { locale, vehicleId } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "service:record");
  const [car, care] = await Promise.all([getWorkshopCar(actor, vehicleId), getWorkshopCarCare(actor, vehicleId, locale)]);
  if (!car || !care) notFound();
  const [t, tw] = await Promise.all([getTranslations("dossier"), getTranslations("recalls.warrantyForm")]);
  const day = today().toISOString().slice(0, 10);
  const openRecalls = care.recalls.filter((r) => !r.resolvedAt).map((r) => ({ id: r.id, code: r.code, title: r.title }));
  const v = car.vehicle;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <PlateBadge plate={v.plate} />
        <PageTitle sub={`${v.modelYear} · ${v.vin}`}>{`${v.make} ${v.model}`}</PageTitle>
      </div>
      {sp.corrected ? <Alert tone="success" testId="notice">{t("form.saved")}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="lg:col-span-2" data-testid="record-work">
          <h2 className="mb-1 font-semibold">{t("form.addTitle")}</h2>
          <p className="mb-4 text-sm text-zinc-600">
            {car.organisations.length === 1 ? `${t("recordFor", { organisation: car.organisations[0].name })}. ` : ""}
            {t("form.workshopLead")}
          </p>
          <EntryForm mode="workshop" vehicleId={v.id} organisations={car.organisations} today={day} openRecalls={openRecalls} />
        </Card>
        <MaintenanceSection due={care.due} form={{ mode: "workshop", vehicleId: v.id, organisations: car.organisations, today: day }} />
        <RecallsWarrantiesSection care={care} />
        <Card className="lg:col-span-2" data-testid="add-warranty">
          <h2 className="mb-3 font-semibold">{tw("title")}</h2>
          <WarrantyForm vehicleId={v.id} organisations={car.organisations} today={day} />
        </Card>
        <MileageSection mileage={car.mileage} />
        <HistoryTimeline entries={car.entries} correctHref={(entryId) => `/console/dossier/${v.id}/correct/${entryId}`} />
      </div>
      <Link href="/console/dossier" className="text-sm text-brand-600 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
