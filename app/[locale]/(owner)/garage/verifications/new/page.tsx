import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/primitives";
import { VerificationRequestForm } from "@/components/verification/request-form";
import { requireActor } from "@/lib/server/guards";
import { requestRouting } from "@/lib/verification/queries";

export async function generateMetadata() {
  const t = await getTranslations("verification");
  return { title: t("addCarTitle") };
}

export default async function NewVerificationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "garage:use");
  const [t, routing] = await Promise.all([getTranslations("verification"), requestRouting(actor)]);
  return (
    <div className="max-w-3xl">
      <PageTitle sub={t("addCarLead")}>{t("addCarTitle")}</PageTitle>
      <Card>
        <VerificationRequestForm route={routing.route} dealers={routing.dealers} />
      </Card>
    </div>
  );
}
