import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/primitives";
import { DeskVerification } from "@/components/linking/forms";
import { requireActor } from "@/lib/server/guards";
import { organisationChoices } from "@/lib/console/organisations";

export default async function DeskVerificationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "vehicles:link");
  const t = await getTranslations("linking");
  return (
    <div className="max-w-3xl">
      <PageTitle sub={t("deskLead")}>{t("deskVerification")}</PageTitle>
      <Card>
        <DeskVerification organisations={organisationChoices(actor, "vehicles:link")} />
      </Card>
    </div>
  );
}
