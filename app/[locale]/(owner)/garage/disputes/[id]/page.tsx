import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Car } from "@/components/ui/icons";
import { Link } from "@/i18n/navigation";
import { Alert, Badge, Card, PageTitle, buttonClass } from "@/components/ui/primitives";
import { ContestDisputeForm, ReleaseDisputeForm } from "@/components/disputes/forms";
import { requireActor } from "@/lib/server/guards";
import { getHolderDispute } from "@/lib/disputes/queries";

export async function generateMetadata() {
  const t = await getTranslations("dispute");
  return { title: t("pageTitle") };
}

/**
 * The holder's page for a claim on their car (docs/decisions/0035): the e-mail's two buttons land
 * here, signed in. Nothing about the claimant is shown.
 */
export default async function HolderDisputePage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ answered?: string; answer?: string }> }) {
  const { locale, id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(locale, "garage:use");
  const d = await getHolderDispute(actor, id.slice(0, 40));
  if (!d) notFound();
  const [t, format] = await Promise.all([getTranslations("dispute"), getFormatter()]);
  const day = (x: Date) => format.dateTime(x, "date");
  const open = d.status === "OPEN";
  const tone = open ? "amber" : d.status === "CONTESTED" ? "blue" : "zinc";
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle sub={<span className="font-mono">{d.vin}</span>}>{t("holderTitle", { car: d.car })}</PageTitle>
      {sp.answered === "released" ? <Alert tone="success" testId="notice">{t("releasedNotice")}</Alert> : null}
      {sp.answered === "contested" ? <Alert tone="success" testId="notice">{t("contestedNotice")}</Alert> : null}
      <Card className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-zinc-700">{t("holderLead", { vin: d.vin })}</p>
          <span data-testid="dispute-status">
            <Badge tone={tone}>{t(`status.${d.status}`)}</Badge>
          </span>
        </div>
        {open ? <p className="text-sm font-medium text-zinc-800">{t("respondBy", { date: day(d.respondBy) })}</p> : null}
        {d.closedAt ? <p className="text-sm text-zinc-600">{t("closedAt", { date: day(d.closedAt) })}</p> : null}
        {d.status === "CONTESTED" || d.status === "HOLDER_UPHELD" ? (
          <Link href={`/garage/vehicles/${d.vehicleId}`} className={buttonClass("secondary")}>
            <Car aria-hidden className="size-4" />
            {t("openCar")}
          </Link>
        ) : null}
      </Card>
      {open ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Card className={sp.answer === "release" ? "space-y-3 ring-2 ring-brand-600" : "space-y-3"}>
            <h2 className="font-semibold">{t("release")}</h2>
            <p className="text-sm text-zinc-600">{t("releaseLead")}</p>
            <ReleaseDisputeForm disputeId={d.id} />
          </Card>
          <Card className={sp.answer === "contest" ? "space-y-3 ring-2 ring-brand-600" : "space-y-3"}>
            <h2 className="font-semibold">{t("contest")}</h2>
            <p className="text-sm text-zinc-600">{t("contestLead")}</p>
            <ContestDisputeForm disputeId={d.id} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
