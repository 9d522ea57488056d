import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Badge, Card, PageTitle } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { APPOINTMENT_TONE } from "@/components/dossier/appointments-section";
import { AppointmentAnswer } from "@/components/console/appointment-answer";
import { requireActor } from "@/lib/server/guards";
import { getWorkshopAppointment } from "@/lib/appointments/queries";
import { localValue } from "@/lib/appointments/times";

export async function generateMetadata() {
  const t = await getTranslations("appointments.console");
  return { title: t("title") };
}

const WHEN = { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/** One request of the staff member's organisation, and their answer; any other reads as not found. */
export default async function AppointmentPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const actor = await requireActor(locale, "service:record");
  const a = await getWorkshopAppointment(actor, id);
  if (!a) notFound();
  const [t, tr, ts, format] = await Promise.all([getTranslations("appointments.console"), getTranslations("appointments.reasons"), getTranslations("appointments.status"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, WHEN);
  const answerable = a.status === "REQUESTED" || a.status === "PROPOSED";
  return (
    <div className="max-w-3xl space-y-4">
      <PageTitle sub={`${a.vehicle.make} ${a.vehicle.model} · ${a.vehicle.modelYear}`}>{tr(a.reason)}</PageTitle>
      <Card className="space-y-3 text-sm" data-testid="appointment-detail" data-status={a.status}>
        <div className="flex flex-wrap items-center gap-2">
          <PlateBadge plate={a.vehicle.plates[0] ?? null} />
          <span className="font-mono text-xs text-zinc-600">{a.vehicle.vin}</span>
          <Badge tone={APPOINTMENT_TONE[a.status]}>{ts(a.status)}</Badge>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-zinc-500">{t("owner")}</dt>
          <dd>{`${a.user.firstName} ${a.user.lastName}`.trim() || a.user.email}</dd>
          <dt className="text-zinc-500">{t("organisation")}</dt>
          <dd>{a.organisation.name}</dd>
          <dt className="text-zinc-500">{t("preferredTimes")}</dt>
          <dd>
            <ul>
              {a.preferredTimes.map((p, i) => (
                <li key={i}>{when(p)}</li>
              ))}
            </ul>
          </dd>
        </dl>
        {a.note ? <p className="whitespace-pre-line rounded-lg bg-zinc-50 p-3">{a.note}</p> : null}
        {a.status === "PROPOSED" && a.proposedAt ? <p>{t("proposedAt", { when: when(a.proposedAt) })} · {t("waitingForOwner")}</p> : null}
        {(a.status === "CONFIRMED" || a.status === "DONE") && a.startsAt ? <p data-testid="appointment-time">{t("confirmedAt", { when: when(a.startsAt) })}</p> : null}
        {a.status === "DECLINED" && a.declineReason ? <p>{t("declineReason", { reason: a.declineReason })}</p> : null}
        {a.status === "CONFIRMED" ? (
          <Link href={`/console/dossier/${a.vehicleId}`} className="text-brand-600 hover:underline">
            {t("dossierLink")}
          </Link>
        ) : null}
      </Card>
      {answerable ? (
        <Card>
          <AppointmentAnswer
            appointmentId={a.id}
            canConfirm={a.status === "REQUESTED"}
            min={localValue(new Date())}
            times={a.preferredTimes.map((p, i) => ({ label: when(p), past: a.passed[i] ?? true }))}
          />
        </Card>
      ) : null}
      <Link href="/console/appointments" className="text-sm text-brand-600 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
