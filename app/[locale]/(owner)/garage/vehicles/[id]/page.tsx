import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowRightLeft, Plus, Trash2 } from "@/components/ui/icons";
import { hasKey } from "@/i18n/keys";
import { Link } from "@/i18n/navigation";
import { Alert, Card, PageTitle, buttonClass } from "@/components/ui/primitives";
import { requireActor } from "@/lib/server/guards";
import { getVehicleDossier } from "@/lib/vehicles/queries";
import { getOwnerPassport } from "@/lib/passports/queries/owner-passport";
import { OwnerPassportSection } from "@/components/passports/owner-passport";
import { PlateText } from "@/components/passports/plate";
import { getOwnerCarHistory } from "@/lib/dossier/queries";
import { HistoryTimeline, MileageSection } from "@/components/dossier/history-section";
import { DOSSIER_SECTIONS, DossierSection, DossierSectionNav } from "@/components/dossier/dossier-section";
import { DriversSection } from "@/components/dossier/drivers-section";
import { CarFaceForms } from "@/components/dossier/car-face-forms";
import { CarPhoto } from "@/components/dossier/car-photo";
import { getDriversPanel } from "@/lib/drivers/queries";
import { AppointmentsSection } from "@/components/dossier/appointments-section";
import { listOwnerAppointments } from "@/lib/appointments/queries";
import { getOwnerCarCare } from "@/lib/recalls/queries";
import { today } from "@/lib/server/dates";
import { MaintenanceSection } from "@/components/dossier/maintenance-section";
import { RecallsWarrantiesSection } from "@/components/dossier/recalls-warranties-section";
import { ContractsSection } from "@/components/dossier/contracts-section";
import { markHandoverOpened } from "@/lib/handover/mark-opened";
import { pendingHandoverOf } from "@/lib/handover/queries";
import { ReportLinksSection } from "@/components/reports/report-links-section";
import { listReportLinks } from "@/lib/reports/queries";

export default async function VehiclePage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ linked?: string; corrected?: string; driving?: string; appointment?: string; handover?: string }> }) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  // The new owner of a handed-over car opens it: from now on only support undoes the handover
  // (docs/decisions/0034). Before the read, so a seller's undo at this moment wins or loses whole.
  await markHandoverOpened(actor, id);
  const dossier = await getVehicleDossier(actor, id);
  if (!dossier) notFound();
  const [t, format, th] = await Promise.all([getTranslations("garage"), getFormatter(), getTranslations("handover")]);
  const { vehicle: v, holding, contracts, history, isOwner } = dossier;
  const [passport, record, td, tsec, tf, driversPanel, care, appointments, ta, reportLinks, pendingHandover] = await Promise.all([
    getOwnerPassport(actor, id),
    getOwnerCarHistory(actor, id),
    getTranslations("dossier"),
    getTranslations("dossierSections"),
    getTranslations("carFace"),
    isOwner ? getDriversPanel(actor, id) : Promise.resolve(null),
    getOwnerCarCare(actor, id, locale),
    isOwner ? listOwnerAppointments(actor, id) : Promise.resolve(null),
    getTranslations("appointments.form"),
    isOwner ? listReportLinks(actor, id) : Promise.resolve(null),
    isOwner ? pendingHandoverOf(actor, id) : Promise.resolve(null),
  ]);
  if (!record || !care) notFound();
  const date = (d: Date | null) => (d ? format.dateTime(d, "date") : "—");
  const km = (n: number) => format.number(n, "km");
  // A code the message files do not know yet reads as a generic label, never as the raw code.
  const auditLabel = (action: string) => {
    const key = `audit.${action.replace(/\./g, "_")}`;
    return hasKey(t, key) ? t(key) : t("audit.other");
  };
  const roleLabel = (role: string) => {
    const key = `roles.${role.replace(":", "_")}`;
    return hasKey(t, key) ? t(key) : t("roles.other");
  };
  const sections = DOSSIER_SECTIONS.map((sid) => ({ id: sid, title: tsec(sid) }));
  const carName = holding.nickname ?? `${v.make} ${v.model}`;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-4">
        {/* A photo takes the phone's width; without one, a small car icon stands beside the name. */}
        <CarPhoto
          vehicleId={v.id}
          version={holding.photoVersion}
          alt={tf("photoAlt", { car: carName })}
          className={holding.photoVersion !== null ? "aspect-[4/3] w-full sm:w-48" : "size-16 shrink-0"}
        />
        <PageTitle
          className="mb-0 min-w-0"
          sub={
            <>
              {holding.nickname ? `${v.make} ${v.model} · ` : ""}
              {v.modelYear} · {v.plate ? <PlateText plate={{ plate: v.plate, country: v.plateCountry }} /> : t("noPlate")}
            </>
          }
        >
          {carName}
        </PageTitle>
      </div>
      {sp.linked ? <Alert tone="success" testId="notice">{t("linkedNotice")}</Alert> : null}
      {sp.driving ? <Alert tone="success" testId="notice">{t("drivingNotice")}</Alert> : null}
      {sp.corrected ? <Alert tone="success" testId="notice">{td("form.saved")}</Alert> : null}
      {sp.appointment === "requested" ? <Alert tone="success" testId="notice">{ta("sentShort")}</Alert> : null}
      {sp.handover === "undone" ? <Alert tone="success" testId="notice">{th("undoneNotice")}</Alert> : null}
      {pendingHandover ? (
        <Alert tone="info" testId="handover-pending">
          {th("pendingNotice")}{" "}
          <Link href={`/garage/handovers/${pendingHandover}`} className="font-medium underline">
            {th("view")}
          </Link>
        </Alert>
      ) : null}
      {holding.disconnectedAt ? <Alert tone="error" testId="disconnected">{t("disconnectedLead")}</Alert> : null}
      <DossierSectionNav label={tsec("nav")} sections={sections} />

      <DossierSection id="overview" title={tsec("overview")}>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card>
            <h3 className="mb-3 font-semibold">{t("details")}</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-zinc-500">{t("vin")}</dt>
              <dd className="font-mono break-all">{v.vin}</dd>
              <dt className="text-zinc-500">{t("plate")}</dt>
              <dd>
                <PlateText plate={v.plate ? { plate: v.plate, country: v.plateCountry } : null} />
              </dd>
              <dt className="text-zinc-500">{t("fuel")}</dt>
              <dd>{t(`fuels.${v.fuel}`)}</dd>
              <dt className="text-zinc-500">{t("mileage")}</dt>
              <dd>{record.mileage.latest ? km(record.mileage.latest.km) : v.mileageKm != null ? km(v.mileageKm) : "—"}</dd>
              <dt className="text-zinc-500">{t("relationship")}</dt>
              <dd>{isOwner ? t("owner") : t("driver")}</dd>
              <dt className="text-zinc-500">{t("since")}</dt>
              <dd>
                {date(holding.startedAt)}
                {holding.linkedBy ? ` · ${t("linkedBy", { organisation: holding.linkedBy })}` : ""}
              </dd>
            </dl>
          </Card>
          {isOwner ? (
            <Card>
              <h3 className="mb-3 font-semibold">{tf("title")}</h3>
              <CarFaceForms vehicleId={v.id} name={holding.nickname} hasPhoto={holding.photoVersion !== null} />
            </Card>
          ) : null}
          {passport ? <OwnerPassportSection passport={passport} /> : null}
          {reportLinks ? <ReportLinksSection vehicleId={v.id} links={reportLinks} /> : null}
        </div>
      </DossierSection>

      <DossierSection id="history" title={tsec("history")}>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <MileageSection mileage={record.mileage} />
          <HistoryTimeline entries={record.entries} correctHref={(entryId) => `/garage/vehicles/${v.id}/history/${entryId}/correct`} />
          {isOwner ? (
            <div className="lg:col-span-2">
              <Link href={`/garage/vehicles/${v.id}/history/new`} className={buttonClass("secondary")} data-testid="add-own-entry">
                <Plus aria-hidden className="size-4" />
                {td("form.ownerLink")}
              </Link>
            </div>
          ) : null}
          <Card>
            <h3 className="mb-3 font-semibold">{t("historyTitle")}</h3>
            <ul className="divide-y text-sm" data-testid="audit-trail">
              {history.map((h) => (
                <li key={h.id} className="py-2">
                  <p className="font-medium">{auditLabel(h.action)}</p>
                  <p className="text-zinc-600" data-testid="trail-actor">
                    {format.dateTime(h.at, "dateTime")} · {h.byYou ? t("you") : h.organisation ? `${h.organisation} (${roleLabel(h.actorRole)})` : roleLabel(h.actorRole)}
                    {h.invitedBy?.organisation
                      ? ` · ${t("invitedBy", { organisation: h.invitedBy.role ? `${h.invitedBy.organisation} (${roleLabel(h.invitedBy.role)})` : h.invitedBy.organisation })}`
                      : ""}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </DossierSection>

      <DossierSection id="maintenance" title={tsec("maintenance")}>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <MaintenanceSection due={care.due} form={isOwner ? { mode: "owner", vehicleId: v.id, today: today().toISOString().slice(0, 10) } : undefined} />
          {appointments ? <AppointmentsSection vehicleId={v.id} appointments={appointments} /> : null}
        </div>
      </DossierSection>

      <DossierSection id="recalls" title={tsec("recalls")}>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <RecallsWarrantiesSection care={care} />
        </div>
      </DossierSection>

      {/* Contracts and costs are the owner's only. */}
      <DossierSection id="contracts" title={tsec("contracts")}>
        {isOwner ? (
          <ContractsSection contracts={contracts} />
        ) : (
          <p className="text-sm text-zinc-600" data-testid="contracts-hidden">{tsec("contractsDriver")}</p>
        )}
      </DossierSection>

      <DossierSection id="drivers" title={tsec("drivers")}>
        <DriversSection vehicleId={v.id} locale={locale} panel={driversPanel} />
      </DossierSection>

      {isOwner ? (
        <div className="flex flex-wrap gap-3 border-t pt-6">
          <Link href={`/garage/vehicles/${v.id}/handover`} className={buttonClass("secondary")} data-testid="handover-link">
            <ArrowRightLeft aria-hidden className="size-4" />
            {th("link")}
          </Link>
          <Link href={`/garage/vehicles/${v.id}/remove`} className={buttonClass("secondary")}>
            <Trash2 aria-hidden className="size-4" />
            {t("remove.link")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
