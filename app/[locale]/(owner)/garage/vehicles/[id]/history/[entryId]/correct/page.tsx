import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card, PageTitle } from "@/components/ui/primitives";
import { EntryForm } from "@/components/dossier/entry-form";
import { requireActor } from "@/lib/server/guards";
import { today } from "@/lib/server/dates";
import { getOwnerCarHistory } from "@/lib/dossier/queries";

/** The owner corrects one of their own entries: the original stays, the correction replaces it. */
export default async function CorrectOwnEntryPage({ params }: { params: Promise<{ locale: string; id: string; entryId: string }> }) {
  const { locale, id, entryId } = await params;
  const actor = await requireActor(locale, "garage:use");
  const record = await getOwnerCarHistory(actor, id);
  const e = record?.entries.find((x) => x.id === entryId && x.correctable);
  if (!e) notFound();
  const t = await getTranslations("dossier");
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle>{t("form.correctTitle")}</PageTitle>
      <p className="text-sm text-zinc-600">{t("form.correctLead")}</p>
      <Card>
        <EntryForm
          mode="owner"
          vehicleId={id}
          today={today().toISOString().slice(0, 10)}
          corrects={{ id: e.id, kind: e.kind, performedOn: e.performedAt.toISOString().slice(0, 10), mileageKm: e.mileageKm, description: e.description, lines: e.lines, workshop: e.workshop }}
        />
      </Card>
      <Link href={`/garage/vehicles/${id}`} className="text-sm text-brand-600 hover:underline">
        {t("backToCar")}
      </Link>
    </div>
  );
}
