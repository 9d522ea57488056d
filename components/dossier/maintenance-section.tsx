import { getFormatter, getTranslations } from "next-intl/server";
import { CalendarClock } from "@/components/ui/icons";
import { Badge, Card } from "@/components/ui/primitives";
import type { DueView } from "@/lib/recalls/queries";
import { DueForm } from "./care-forms";

const TONE = { ok: "blue", soon: "amber", overdue: "red" } as const;

/**
 * The car's next service due, by date and/or mileage, and who set it; with `form`, the form that
 * sets a new one (the owner on the car page, a workshop in the console).
 */
export async function MaintenanceSection({ due, form }: { due: DueView | null; form?: { mode: "owner" | "workshop"; vehicleId: string; organisations?: { id: string; name: string }[]; today: string } }) {
  const [t, tf, format] = await Promise.all([getTranslations("maintenance.section"), getTranslations("maintenance.form"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, "calendarDate");
  const km = (n: number) => format.number(n, "km");
  return (
    <Card data-testid="maintenance-due" className="lg:col-span-2">
      <h2 className="mb-3 flex items-center gap-2 font-semibold">
        <CalendarClock aria-hidden className="size-5 text-brand-600" />
        {t("title")}
      </h2>
      {due ? (
        <div className="text-sm" data-testid="due-item" data-status={due.status}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium break-words">{due.description}</p>
            {due.status !== "ok" ? <Badge tone={TONE[due.status]}>{t(due.status)}</Badge> : null}
          </div>
          <p className="text-zinc-700">{[due.dueOn ? t("dueOn", { date: date(due.dueOn) }) : null, due.dueKm !== null ? t("dueKm", { km: km(due.dueKm) }) : null].filter(Boolean).join(" · ")}</p>
          <p className="text-zinc-500">{due.source === "WORKSHOP" && due.workshop ? t("setByWorkshop", { workshop: due.workshop }) : due.setByYou ? t("setByYou") : t("setByOwner")}</p>
        </div>
      ) : (
        <p className="text-sm text-zinc-600">{t("none")}</p>
      )}
      {form ? (
        <details className="mt-4" open={form.mode === "workshop"}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{form.mode === "owner" ? tf("ownerTitle") : tf("title")}</summary>
          <div className="mt-3">
            <DueForm {...form} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
