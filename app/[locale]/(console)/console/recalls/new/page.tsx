import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Card, PageTitle } from "@/components/ui/primitives";
import { CampaignForm } from "@/components/recalls/campaign-form";
import { requireActor } from "@/lib/server/guards";

export async function generateMetadata() {
  const t = await getTranslations("recalls.form");
  return { title: t("title") };
}

/** Central support registers a recall campaign. */
export default async function NewRecallPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireActor(locale, "recalls:register");
  const [t, tc] = await Promise.all([getTranslations("recalls.form"), getTranslations("recalls.console")]);
  return (
    <div className="space-y-6">
      <PageTitle sub={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <CampaignForm />
      </Card>
      <Link href="/console/recalls" className="text-sm text-brand-600 hover:underline">
        {tc("back")}
      </Link>
    </div>
  );
}
