import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/primitives";
import { PlateBadge } from "@/components/passports/plate";
import { APPOINTMENT_TONE } from "@/components/dossier/appointments-section";
import { requireActor } from "@/lib/server/guards";
import { listWorkshopAppointments, type StaffAppointment } from "@/lib/appointments/queries";

export async function generateMetadata() {
  const t = await getTranslations("appointments.console");
  return { title: t("title") };
}

const WHEN = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" } as const;

/** Staff of a dealer or garage: their organisations' appointment requests, to answer first. */
export default async function AppointmentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "service:record");
  const lists = await listWorkshopAppointments(actor);
  if (!lists) notFound();
  const [t, tr, ts, format] = await Promise.all([getTranslations("appointments.console"), getTranslations("appointments.reasons"), getTranslations("appointments.status"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, WHEN);
  const multi = actor.memberships.length > 1;
  const row = (a: StaffAppointment) => (
    <li key={a.id} data-testid="staff-appointment" data-status={a.status}>
      <Link href={`/console/appointments/${a.id}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-zinc-50">
        <div className="flex min-w-0 items-center gap-3">
          <PlateBadge plate={a.vehicle.plates[0] ?? null} />
          <div className="min-w-0 text-sm">
            <p className="font-medium">
              {a.vehicle.make} {a.vehicle.model} · {tr(a.reason)}
            </p>
            <p className="text-zinc-600">
              {`${a.user.firstName} ${a.user.lastName}`.trim() || a.user.email}
              {multi ? ` · ${a.organisation.name}` : ""}
            </p>
            <p className="text-zinc-600">
              {a.status === "CONFIRMED" && a.startsAt
                ? t("confirmedAt", { when: when(a.startsAt) })
                : a.status === "PROPOSED" && a.proposedAt
                  ? t("proposedAt", { when: when(a.proposedAt) })
                  : t("requestedAt", { when: format.relativeTime(a.createdAt) })}
            </p>
          </div>
        </div>
        <Badge tone={APPOINTMENT_TONE[a.status]}>{ts(a.status)}</Badge>
      </Link>
    </li>
  );
  const section = (title: string, list: StaffAppointment[], testId: string) => (
    <section className="space-y-2" aria-label={title} data-testid={testId}>
      <h2 className="font-semibold">{title}</h2>
      {list.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y">{list.map(row)}</ul>
        </Card>
      )}
    </section>
  );
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      {section(t("open"), lists.open, "appointments-open")}
      {section(t("upcoming"), lists.upcoming, "appointments-upcoming")}
      {lists.closed.length ? section(t("closed"), lists.closed, "appointments-closed") : null}
    </div>
  );
}
