import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Search } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Card, EmptyState, PageTitle, buttonClass } from "@/components/ui/primitives";
import { RequestAppointmentForm } from "@/components/dossier/appointment-forms";
import { requireActor } from "@/lib/server/guards";
import { getVehicleDossier } from "@/lib/vehicles/queries";
import { workshopChoices } from "@/lib/appointments/queries";
import { localValue } from "@/lib/appointments/times";

/** The owner asks a dealer or garage for an appointment for their car (not an authorised driver). */
export default async function NewAppointmentPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ q?: string }> }) {
  const { locale, id } = await params;
  const { q = "" } = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  const dossier = await getVehicleDossier(actor, id);
  if (!dossier?.isOwner) notFound();
  const [t, tk, workshops] = await Promise.all([getTranslations("appointments.form"), getTranslations("console.kind"), workshopChoices(typeof q === "string" ? q : "")]);
  const v = dossier.vehicle;
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle sub={`${v.make} ${v.model} · ${v.modelYear}`}>{t("title")}</PageTitle>
      <p className="text-sm text-zinc-600">{t("lead")}</p>
      <Card className="space-y-4">
        <form role="search" className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="workshop-q" className="block text-sm font-medium text-zinc-800">
              {t("search")}
            </label>
            <input
              id="workshop-q"
              name="q"
              defaultValue={typeof q === "string" ? q : ""}
              placeholder={t("searchPlaceholder")}
              maxLength={60}
              className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm"
            />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            <Search aria-hidden className="size-4" />
            {t("searchButton")}
          </button>
        </form>
        {workshops.length === 0 ? (
          <EmptyState>{t("noWorkshops")}</EmptyState>
        ) : (
          <RequestAppointmentForm
            vehicleId={v.id}
            min={localValue(new Date())}
            workshops={workshops.map((w) => ({ id: w.id, label: [w.name, w.city, tk(w.kind)].filter(Boolean).join(" · ") }))}
          />
        )}
      </Card>
      <Link href={`/garage/vehicles/${v.id}`} className="text-sm text-brand-600 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
