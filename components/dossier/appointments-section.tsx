import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarClock, Plus } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Badge, Card, buttonClass } from "@/components/ui/primitives";
import type { OwnerAppointment } from "@/lib/appointments/queries";
import { OwnerAppointmentActions } from "./appointment-forms";

export const APPOINTMENT_TONE = { REQUESTED: "blue", PROPOSED: "amber", CONFIRMED: "green", DECLINED: "red", CANCELLED: "zinc", DONE: "zinc" } as const;

const WHEN = { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/**
 * The car page's appointments (the owner's only: an authorised driver sees none): each with its
 * workshop, status and times, the owner's answer where one is due, and the link to ask for one.
 */
export async function AppointmentsSection({ vehicleId, appointments }: { vehicleId: string; appointments: OwnerAppointment[] }) {
  const [t, tr, ts, format] = await Promise.all([getTranslations("appointments.section"), getTranslations("appointments.reasons"), getTranslations("appointments.status"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, WHEN);
  return (
    <Card className="lg:col-span-2" data-testid="appointments">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 font-semibold">
          <CalendarClock aria-hidden className="size-5 text-brand-600" />
          {t("title")}
        </h2>
        <Link href={`/garage/vehicles/${vehicleId}/appointments/new`} className={buttonClass("secondary")} data-testid="request-appointment">
          <Plus aria-hidden className="size-4" />
          {t("request")}
        </Link>
      </div>
      {appointments.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y text-sm">
          {appointments.map((a) => {
            const open = a.status === "REQUESTED" || a.status === "PROPOSED" || a.status === "CONFIRMED";
            return (
              <li key={a.id} className="space-y-1 py-3" data-testid="appointment" data-status={a.status} data-appointment-id={a.id}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-medium">
                    {tr(a.reason)} · {t("at", { workshop: a.organisation.name })}
                  </p>
                  <Badge tone={APPOINTMENT_TONE[a.status]}>{ts(a.status)}</Badge>
                </div>
                {a.startsAt && (a.status === "CONFIRMED" || a.status === "DONE") ? <p data-testid="appointment-time">{t("confirmed", { when: when(a.startsAt) })}</p> : null}
                {a.status === "PROPOSED" && a.proposedAt ? <p className="text-amber-900">{t("proposed", { workshop: a.organisation.name, when: when(a.proposedAt) })}</p> : null}
                {a.status === "REQUESTED" || a.status === "PROPOSED" ? <p className="text-zinc-600">{t("preferred", { times: a.preferredTimes.map(when).join("; ") })}</p> : null}
                {a.status === "DECLINED" && a.declineReason ? <p className="text-zinc-600">{t("declined", { reason: a.declineReason })}</p> : null}
                {a.note ? <p className="text-zinc-600">{t("note", { note: a.note })}</p> : null}
                {open ? <OwnerAppointmentActions appointmentId={a.id} canAccept={a.status === "PROPOSED"} workshop={a.organisation.name} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
