import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/primitives";
import type { DriversPanel } from "@/lib/drivers/queries";
import { InviteDriverForm, LeaveCarForm, RevokeDriverForm, WithdrawDriverInvitationForm } from "./drivers-forms";

/**
 * The car page's drivers (docs/decisions/0029): the owner sees who drives the car and the
 * invitations waiting, ends access, withdraws and invites; a driver sees that they drive the car
 * and can stop.
 */
export async function DriversSection({ vehicleId, locale, panel }: { vehicleId: string; locale: string; panel: DriversPanel | null }) {
  const [t, format] = await Promise.all([getTranslations("drivers"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "date");
  if (!panel) {
    return (
      <Card className="space-y-3">
        <p className="text-sm text-zinc-700">{t("youDrive")}</p>
        <LeaveCarForm vehicleId={vehicleId} />
      </Card>
    );
  }
  return (
    <Card className="space-y-5">
      <p className="text-sm text-zinc-600">{t("lead")}</p>
      {panel.drivers.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("none")}</p>
      ) : (
        <ul className="divide-y text-sm" data-testid="drivers">
          {panel.drivers.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="driver">
              <div className="min-w-0">
                <p className="font-medium break-words">{d.name}</p>
                <p className="break-all text-zinc-600">
                  {d.email} · {t("since", { date: date(d.since) })}
                </p>
              </div>
              <RevokeDriverForm driverId={d.id} name={d.name} />
            </li>
          ))}
        </ul>
      )}
      {panel.invitations.length ? (
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("pending")}</h3>
          <ul className="divide-y text-sm" data-testid="driver-invitations">
            {panel.invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="driver-invitation">
                <p className="min-w-0 break-all">
                  {i.email} <span className="text-zinc-600">· {t("expires", { date: date(i.expiresAt) })}</span>
                </p>
                <WithdrawDriverInvitationForm invitationId={i.id} email={i.email} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="border-t pt-4">
        <h3 className="mb-2 text-sm font-semibold">{t("invite")}</h3>
        <InviteDriverForm vehicleId={vehicleId} locale={locale} />
      </div>
    </Card>
  );
}
