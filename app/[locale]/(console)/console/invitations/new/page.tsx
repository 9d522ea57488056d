import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/primitives";
import { InviteBuyerForm } from "@/components/linking/forms";
import { requireActor } from "@/lib/server/guards";
import { organisationChoices } from "@/lib/console/organisations";

export default async function NewInvitationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "invitations:manage");
  const t = await getTranslations("linking");
  return (
    <div className="max-w-3xl">
      <PageTitle sub={t("newInvitationLead")}>{t("newInvitation")}</PageTitle>
      <Card>
        <InviteBuyerForm organisations={organisationChoices(actor, "invitations:manage")} locale={locale} />
      </Card>
    </div>
  );
}
